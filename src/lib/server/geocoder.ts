// Dutch addresses to coordinates with PDOK Locatieserver (the government's free address service).
// Its URL is configuration (PDOK_LOCATIESERVER_URL), so tests point it at a local stand-in. A slow or
// failing service gives a clear answer instead of a hanging form.
import { env } from '$env/dynamic/private';

export const DEFAULT_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';
const TIMEOUT_MS = 5000;

export interface Address {
	street: string;
	huisnummer: number;
	toevoeging: string;
	postcode: string;
	city: string;
	lat: number;
	lng: number;
}

export type GeocodeResult = { address: Address } | { error: 'not_found' | 'unavailable' };

interface PdokDoc {
	type?: string;
	straatnaam?: string;
	huisnummer?: number;
	huisletter?: string;
	huisnummertoevoeging?: string;
	postcode?: string;
	woonplaatsnaam?: string;
	centroide_ll?: string;
}

/** "POINT(6.0921 52.5318)" → [lng, lat], or null. */
export function parsePoint(wkt: string | undefined): [number, number] | null {
	const match = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/.exec(wkt ?? '');
	return match ? [Number(match[1]), Number(match[2])] : null;
}

export async function geocode(postcode: string, huisnummer: number, toevoeging = ''): Promise<GeocodeResult> {
	const base = env.PDOK_LOCATIESERVER_URL || DEFAULT_LOCATIESERVER_URL;
	const url = new URL(base);
	url.searchParams.set('q', `postcode:${postcode} and huisnummer:${huisnummer}`);
	url.searchParams.set('fq', 'type:adres');
	url.searchParams.set('rows', '20');
	let docs: PdokDoc[];
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
		if (!response.ok) {
			console.error(`[geocoder] ${response.status} from the address service`);
			return { error: 'unavailable' };
		}
		const body = (await response.json()) as { response?: { docs?: PdokDoc[] } };
		docs = Array.isArray(body.response?.docs) ? body.response.docs : [];
	} catch (error) {
		console.error(`[geocoder] ${(error as Error).name}: ${(error as Error).message}`);
		return { error: 'unavailable' };
	}
	const wanted = toevoeging.toUpperCase();
	const doc = docs.find(
		(d) =>
			d.postcode === postcode &&
			d.huisnummer === huisnummer &&
			`${d.huisletter ?? ''}${d.huisnummertoevoeging ?? ''}`.toUpperCase() === wanted
	);
	const point = parsePoint(doc?.centroide_ll);
	if (!doc || !point || !doc.straatnaam || !doc.woonplaatsnaam) return { error: 'not_found' };
	const [lng, lat] = point;
	if (lat < 50.7 || lat > 53.6 || lng < 3.3 || lng > 7.3) return { error: 'not_found' };
	return {
		address: { street: doc.straatnaam, huisnummer, toevoeging: wanted, postcode, city: doc.woonplaatsnaam, lat, lng }
	};
}
