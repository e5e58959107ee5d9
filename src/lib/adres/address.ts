// Pure address logic shared by the geocoder (server) and the address field (browser): what a typed
// address is, whether a PDOK answer is the address that was typed, and how to read PDOK's answers.
// No imports, so the browser bundle gets only this.

/** PDOK's document for one address (free and lookup endpoints). */
export interface PdokDoc {
	id?: string;
	type?: string;
	weergavenaam?: string;
	straatnaam?: string;
	huisnummer?: number;
	huisletter?: string;
	huisnummertoevoeging?: string;
	postcode?: string;
	woonplaatsnaam?: string;
	gemeentecode?: string;
	centroide_ll?: string;
}

export interface Suggestion {
	id: string;
	label: string;
}

/** The Netherlands' bounding box, as the database checks it. */
export const NL = { minLat: 50.7, maxLat: 53.6, minLng: 3.3, maxLng: 7.3 } as const;

export function inNetherlands(lat: number, lng: number): boolean {
	return lat >= NL.minLat && lat <= NL.maxLat && lng >= NL.minLng && lng <= NL.maxLng;
}

/** "POINT(6.0921 52.5318)" → [lng, lat], or null. */
export function parsePoint(wkt: string | undefined): [number, number] | null {
	const match = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/.exec(wkt ?? '');
	return match ? [Number(match[1]), Number(match[2])] : null;
}

const POSTCODE = /\b([1-9]\d{3})\s?([a-z]{2})\b/i;

/**
 * What a person typed, read as an address: a street (or a postcode) and a house number.
 * "Holtenbroekerweg 5", "Holtenbroekerweg 5a, Zwolle", "8025 AB 5" → parts; "Zwolle" → null.
 */
export function readAddress(text: string): { street: string; postcode: string; huisnummer: number; rest: string } | null {
	const clean = text.replace(/\s+/g, ' ').trim();
	const postcode = POSTCODE.exec(clean);
	const withoutPostcode = postcode ? clean.replace(postcode[0], ' ').trim() : clean;
	const match = /^([\p{L}][\p{L}\p{M} .'’-]*?)?\s*(\d{1,5})\s*([a-z]{0,4})?\b\s*(?:-\s*\w{1,4})?\s*(?:,\s*(.*))?$/iu.exec(withoutPostcode);
	if (!match) return null;
	const street = (match[1] ?? '').trim();
	if (!street && !postcode) return null;
	return {
		street,
		postcode: postcode ? `${postcode[1]}${postcode[2].toUpperCase()}` : '',
		huisnummer: Number(match[2]),
		rest: (match[4] ?? '').trim()
	};
}

const fold = (value: string) =>
	value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');

/**
 * Is PDOK's best answer the address that was typed? Free-text search always finds *something*; only
 * the same house number on the same street (or postcode) counts.
 */
export function sameAddress(typed: string, doc: PdokDoc): boolean {
	const parts = readAddress(typed);
	if (!parts || doc.type !== 'adres' || doc.huisnummer !== parts.huisnummer) return false;
	if (parts.postcode && doc.postcode !== parts.postcode) return false;
	if (parts.street && !fold(doc.straatnaam ?? '').startsWith(fold(parts.street))) return false;
	return true;
}

/**
 * The query for PDOK: the address as typed, with the gemeente added when the person named no place
 * (no comma, no postcode), so "Holtenbroekerweg 5" finds the one in the buurt's gemeente.
 */
export function queryWithContext(text: string, gemeente: string): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (!gemeente || clean.includes(',') || POSTCODE.test(clean) || fold(clean).includes(fold(gemeente))) return clean;
	return `${clean} ${gemeente}`;
}

/** Suggestions from PDOK's suggest answer: addresses only, at most `max`. */
export function suggestionsFrom(body: unknown, max = 8): Suggestion[] {
	const docs = (body as { response?: { docs?: PdokDoc[] } })?.response?.docs;
	if (!Array.isArray(docs)) return [];
	return docs
		.filter((d) => d && d.type === 'adres' && typeof d.id === 'string' && typeof d.weergavenaam === 'string')
		.slice(0, max)
		.map((d) => ({ id: d.id as string, label: d.weergavenaam as string }));
}

/** An id PDOK gave out (adr-…), safe to pass back to its lookup endpoint. */
export function isPdokId(value: string): boolean {
	return /^[a-z]{3}-[A-Za-z0-9_-]{1,60}$/.test(value);
}

/** The coordinates to use as they are: a pin, or the place already found for this very address. */
export function keepsCoordinates(v: { address: string; placeOf: string; lat: number | null }): boolean {
	return v.lat !== null && (v.placeOf === '' || v.placeOf === v.address);
}
