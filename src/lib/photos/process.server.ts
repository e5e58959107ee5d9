// Turns an uploaded photo into the files the site stores: turned upright by its EXIF orientation,
// every bit of metadata dropped (GPS position, camera, date: sharp writes none unless asked), and
// resized to a few widths as WebP. The input's format is read from its bytes, never from the name or
// the browser's type, and its pixel count is checked before it is decoded (decompression bombs).
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PHOTO_WIDTHS } from './limits';

export interface PhotoFile {
	width: number;
	height: number;
	data: Buffer;
}
export type Processed = { ok: true; files: PhotoFile[]; hash: string } | { ok: false; reason: 'too_large' | 'not_image' | 'heic' | 'too_many_pixels' };

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

export async function processPhoto(input: Buffer, widths: readonly number[] = PHOTO_WIDTHS): Promise<Processed> {
	if (input.length > MAX_PHOTO_BYTES) return { ok: false, reason: 'too_large' };
	let meta: Metadata;
	try {
		meta = await sharp(input, { limitInputPixels: false }).metadata();
	} catch {
		return { ok: false, reason: 'not_image' };
	}
	if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) return { ok: false, reason: 'not_image' };
	// The HEIF container holds AVIF (read) or HEIC (HEVC, which this sharp cannot decode).
	if (meta.format === 'heif' && meta.compression !== 'av1') return { ok: false, reason: 'heic' };
	if (meta.width * meta.height > MAX_PHOTO_PIXELS) return { ok: false, reason: 'too_many_pixels' };
	// Upright width: orientations 5–8 turn the picture a quarter.
	const uprightWidth = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
	const targets = [...new Set(widths.map((w) => Math.min(w, uprightWidth)))].sort((a, b) => a - b);
	try {
		const files: PhotoFile[] = [];
		for (const width of targets) {
			const { data, info } = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
				.rotate()
				// A very tall picture (a screenshot of a long page) is made narrower instead of taller than 2.5× its width.
				.resize({ width, height: Math.round(width * 2.5), fit: 'inside', withoutEnlargement: true })
				.webp({ quality: 78 })
				.toBuffer({ resolveWithObject: true });
			files.push({ width: info.width, height: info.height, data });
		}
		const hash = createHash('sha256');
		for (const file of files) hash.update(file.data);
		return { ok: true, files, hash: hash.digest('hex').slice(0, 16) };
	} catch {
		return { ok: false, reason: 'not_image' };
	}
}
