// A local stand-in for PDOK Locatieserver: answers /free (q=postcode:… and huisnummer:…, or free text),
// /suggest and /lookup in the same JSON shape, from a small address book. Postcode 9999ZZ or the
// street "Storingstraat" makes it fail (500) and 9999ZY makes it hang, so tests see what residents
// see when the real service is down or slow; `down = true` makes every request fail until it is back.
import { createServer, type Server } from 'node:http';

export interface FakeAddress {
	postcode: string;
	huisnummer: number;
	huisletter?: string;
	straatnaam: string;
	woonplaatsnaam: string;
	lng: number;
	lat: number;
	/** CBS number of the gemeente (0193 Zwolle, 0034 Almere). */
	gemeentecode?: string;
}

export const pdokAddresses: FakeAddress[] = [
	{ postcode: '8024AB', huisnummer: 12, straatnaam: 'Aalscholverstraat', woonplaatsnaam: 'Zwolle', lng: 6.0931, lat: 52.5321 },
	{ postcode: '8024AB', huisnummer: 14, straatnaam: 'Aalscholverstraat', woonplaatsnaam: 'Zwolle', lng: 6.0933, lat: 52.5322 },
	{ postcode: '8024AC', huisnummer: 5, straatnaam: 'Merelstraat', woonplaatsnaam: 'Zwolle', lng: 6.0941, lat: 52.5301 },
	{ postcode: '8024AC', huisnummer: 5, huisletter: 'A', straatnaam: 'Merelstraat', woonplaatsnaam: 'Zwolle', lng: 6.0942, lat: 52.5301 },
	{ postcode: '8024AD', huisnummer: 21, straatnaam: 'Wielewaalstraat', woonplaatsnaam: 'Zwolle', lng: 6.0951, lat: 52.5291 },
	{ postcode: '8025BJ', huisnummer: 10, straatnaam: 'Kamperweg', woonplaatsnaam: 'Zwolle', lng: 6.0921, lat: 52.5318 },
	{ postcode: '8025AB', huisnummer: 5, straatnaam: 'Holtenbroekerweg', woonplaatsnaam: 'Zwolle', lng: 6.0951, lat: 52.5305 },
	{ postcode: '8025AB', huisnummer: 7, straatnaam: 'Holtenbroekerweg', woonplaatsnaam: 'Zwolle', lng: 6.0953, lat: 52.5306 },
	{ postcode: '1315AA', huisnummer: 5, straatnaam: 'Stadhuisplein', woonplaatsnaam: 'Almere', lng: 5.2155, lat: 52.3702, gemeentecode: '0034' }
];

const fold = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const label = (a: FakeAddress) => `${a.straatnaam} ${a.huisnummer}${a.huisletter ?? ''}, ${a.postcode} ${a.woonplaatsnaam}`;
const idOf = (a: FakeAddress) => `adr-${a.postcode}-${a.huisnummer}${a.huisletter ?? ''}`;
function docOf(a: FakeAddress) {
	return {
		type: 'adres',
		weergavenaam: label(a),
		straatnaam: a.straatnaam,
		huisnummer: a.huisnummer,
		...(a.huisletter ? { huisletter: a.huisletter } : {}),
		postcode: a.postcode,
		woonplaatsnaam: a.woonplaatsnaam,
		gemeentecode: a.gemeentecode ?? '0193',
		centroide_ll: `POINT(${a.lng} ${a.lat})`,
		id: idOf(a),
		score: 10
	};
}

/** Free text as the real service reads it, roughly: every word must occur in the address's name. */
function byText(q: string): FakeAddress[] {
	const words = fold(q).split(/[\s,]+/).filter(Boolean);
	return pdokAddresses.filter((a) => {
		const name = fold(`${label(a)} ${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}`);
		return words.every((w) => name.includes(w));
	});
}

export const PDOK_FAILS = '9999ZZ';
export const PDOK_HANGS = '9999ZY';

export interface FakePdok {
	url: string;
	requests: number;
	/** While true, every request answers 503 (PDOK down). */
	down: boolean;
	close(): Promise<void>;
}

export async function startFakePdok(port = 0): Promise<FakePdok> {
	const state = { requests: 0, down: false };
	const server: Server = createServer((req, res) => {
		state.requests += 1;
		const url = new URL(req.url ?? '/', 'http://localhost');
		const q = url.searchParams.get('q') ?? '';
		const reply = (docs: unknown[]) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 10, numFoundExact: true, docs } }));
		};
		if (state.down || /storingstraat/i.test(q)) {
			res.writeHead(state.down ? 503 : 500, { 'content-type': 'text/plain' }).end('unavailable');
			return;
		}
		if (url.pathname.endsWith('/suggest')) {
			reply(byText(q).map((a) => ({ type: 'adres', weergavenaam: label(a), id: idOf(a), score: 10 })));
			return;
		}
		if (url.pathname.endsWith('/lookup')) {
			const id = url.searchParams.get('id') ?? '';
			reply(pdokAddresses.filter((a) => idOf(a) === id).map(docOf));
			return;
		}
		if (!/postcode:/.test(q)) {
			reply(byText(q).map(docOf));
			return;
		}
		const postcode = /postcode:(\w+)/.exec(q)?.[1]?.toUpperCase() ?? '';
		const huisnummer = Number(/huisnummer:(\d+)/.exec(q)?.[1] ?? NaN);
		if (postcode === PDOK_FAILS) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
			return;
		}
		if (postcode === PDOK_HANGS) return; // never answers: the app must time out
		reply(pdokAddresses.filter((a) => a.postcode === postcode && a.huisnummer === huisnummer).map(docOf));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${address.port}/bzk/locatieserver/search/v3_1/free`,
		get requests() {
			return state.requests;
		},
		get down() {
			return state.down;
		},
		set down(value: boolean) {
			state.down = value;
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}
