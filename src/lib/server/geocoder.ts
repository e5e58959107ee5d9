// Dutch addresses to coordinates with PDOK Locatieserver (the government's free address service):
// `free` (search), `suggest` (type-ahead) and `lookup` (one suggestion's details). Its URL is
// configuration (PDOK_LOCATIESERVER_URL, the free endpoint; the other two sit beside it), so tests
// point it at a local stand-in. A slow or failing service gives a clear answer instead of a hanging form.
import { env } from '$env/dynamic/private';
import { inNetherlands, parsePoint, queryWithContext, sameAddress, suggestionsFrom, type PdokDoc, type Suggestion } from '$lib/adres/address';

export { parsePoint };

export const DEFAULT_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';
const TIMEOUT_MS = 5000;
/** Type-ahead must feel instant; a suggestion that takes longer is no help. */
const SUGGEST_TIMEOUT_MS = 1500;

export interface Address {
	street: string;
	huisnummer: number;
	toevoeging: string;
	postcode: string;
	city: string;
	/** CBS code of the gemeente PDOK places it in (GM0193), or '' when PDOK did not say. */
	gemeente: string;
	/** "Holtenbroekerweg 5, 8025AB Zwolle" */
	label: string;
	lat: number;
	lng: number;
}

export type GeocodeResult = { address: Address } | { error: 'not_found' | 'unavailable' };

function endpoint(name: 'free' | 'suggest' | 'lookup'): URL {
	const base = env.PDOK_LOCATIESERVER_URL || DEFAULT_LOCATIESERVER_URL;
	return new URL(name === 'free' ? base : base.replace(/\/free\/?$/, `/${name}`));
}

async function ask(url: URL, timeout = TIMEOUT_MS): Promise<{ body: unknown } | { error: 'unavailable' }> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(timeout), headers: { accept: 'application/json' } });
		if (!response.ok) {
			console.error(`[geocoder] ${response.status} from the address service`);
			return { error: 'unavailable' };
		}
		return { body: await response.json() };
	} catch (error) {
		console.error(`[geocoder] ${(error as Error).name}: ${(error as Error).message}`);
		return { error: 'unavailable' };
	}
}

function docsOf(body: unknown): PdokDoc[] {
	const docs = (body as { response?: { docs?: PdokDoc[] } })?.response?.docs;
	return Array.isArray(docs) ? docs : [];
}

function toAddress(doc: PdokDoc | undefined): Address | null {
	const point = parsePoint(doc?.centroide_ll);
	if (!doc || !point || !doc.straatnaam || !doc.woonplaatsnaam || typeof doc.huisnummer !== 'number') return null;
	const [lng, lat] = point;
	if (!inNetherlands(lat, lng)) return null;
	const toevoeging = `${doc.huisletter ?? ''}${doc.huisnummertoevoeging ?? ''}`.toUpperCase();
	const postcode = doc.postcode ?? '';
	return {
		street: doc.straatnaam,
		huisnummer: doc.huisnummer,
		toevoeging,
		postcode,
		city: doc.woonplaatsnaam,
		gemeente: /^\d{4}$/.test(doc.gemeentecode ?? '') ? `GM${doc.gemeentecode}` : '',
		label: doc.weergavenaam ?? `${doc.straatnaam} ${doc.huisnummer}${toevoeging}, ${postcode} ${doc.woonplaatsnaam}`,
		lat,
		lng
	};
}

/** A postcode and house number (the Rommelroute's form). */
export async function geocode(postcode: string, huisnummer: number, toevoeging = ''): Promise<GeocodeResult> {
	const url = endpoint('free');
	url.searchParams.set('q', `postcode:${postcode} and huisnummer:${huisnummer}`);
	url.searchParams.set('fq', 'type:adres');
	url.searchParams.set('rows', '20');
	const answer = await ask(url);
	if ('error' in answer) return answer;
	const wanted = toevoeging.toUpperCase();
	const doc = docsOf(answer.body).find(
		(d) => d.postcode === postcode && d.huisnummer === huisnummer && `${d.huisletter ?? ''}${d.huisnummertoevoeging ?? ''}`.toUpperCase() === wanted
	);
	const address = toAddress(doc);
	return address ? { address } : { error: 'not_found' };
}

/** An address as a person types it ("Holtenbroekerweg 5"), looked for in the named gemeente first. */
export async function geocodeText(text: string, gemeenteNaam = ''): Promise<GeocodeResult> {
	const url = endpoint('free');
	url.searchParams.set('q', queryWithContext(text, gemeenteNaam));
	url.searchParams.set('fq', 'type:adres');
	url.searchParams.set('rows', '5');
	const answer = await ask(url);
	if ('error' in answer) return answer;
	const doc = docsOf(answer.body).find((d) => sameAddress(text, d));
	const address = toAddress(doc);
	return address ? { address } : { error: 'not_found' };
}

/** The address behind one of PDOK's suggestions (its id). */
export async function lookup(id: string): Promise<GeocodeResult> {
	const url = endpoint('lookup');
	url.searchParams.set('id', id);
	const answer = await ask(url);
	if ('error' in answer) return answer;
	const address = toAddress(docsOf(answer.body).find((d) => d.type === 'adres'));
	return address ? { address } : { error: 'not_found' };
}

/** Type-ahead: addresses that start like what was typed, the buurt's gemeente first. */
export async function suggest(text: string, gemeenteNaam = ''): Promise<{ suggestions: Suggestion[] } | { error: 'unavailable' }> {
	const url = endpoint('suggest');
	url.searchParams.set('q', queryWithContext(text, gemeenteNaam));
	url.searchParams.set('fq', 'type:adres');
	url.searchParams.set('rows', '8');
	const answer = await ask(url, SUGGEST_TIMEOUT_MS);
	if ('error' in answer) return answer;
	return { suggestions: suggestionsFrom(answer.body) };
}
