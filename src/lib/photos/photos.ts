// How a stored photo is addressed and offered to the browser: one address per file, with the files'
// hash in it, so that an address never shows other content and browsers may keep it for good.

export interface PhotoRow {
	id: string;
	alt: string;
	width: number;
	height: number;
	widths: number[];
	hash: string;
}

export function photoUrl(photo: Pick<PhotoRow, 'id' | 'hash'>, width: number): string {
	return `/foto/${photo.id}/${photo.hash}-${width}.webp`;
}

/** The `srcset` of every stored width; `src` is the middle one for browsers that ignore srcset. */
export function photoSources(photo: PhotoRow): { src: string; srcset: string; width: number; height: number } {
	const widths = [...photo.widths].sort((a, b) => a - b);
	return {
		src: photoUrl(photo, widths[Math.min(1, widths.length - 1)]),
		srcset: widths.map((w) => `${photoUrl(photo, w)} ${w}w`).join(', '),
		width: photo.width,
		height: photo.height
	};
}

/** The file name in a photo's address: `<hash>-<width>.webp`. */
export function parsePhotoFile(name: string): { hash: string; width: number } | null {
	const match = /^([0-9a-f]{16})-(\d{1,4})\.webp$/.exec(name);
	return match ? { hash: match[1], width: Number(match[2]) } : null;
}

/** What PostgREST embeds of a subject's photo: `fotos(...)` on initiatieven and groepen. */
export const PHOTO_COLUMNS = 'id, alt, width, height, widths, hash';
