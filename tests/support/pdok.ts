// A local stand-in for PDOK Locatieserver: answers /free?q=postcode:… and huisnummer:… in the same
// JSON shape, from a small address book. Postcode 9999ZZ makes it fail (500) and 9999ZY makes it
// hang, so tests see what residents see when the real service is down or slow.
import { createServer, type Server } from 'node:http';

export interface FakeAddress {
	postcode: string;
	huisnummer: number;
	huisletter?: string;
	straatnaam: string;
	woonplaatsnaam: string;
	lng: number;
	lat: number;
}

export const pdokAddresses: FakeAddress[] = [
	{ postcode: '8024AB', huisnummer: 12, straatnaam: 'Aalscholverstraat', woonplaatsnaam: 'Zwolle', lng: 6.0931, lat: 52.5321 },
	{ postcode: '8024AB', huisnummer: 14, straatnaam: 'Aalscholverstraat', woonplaatsnaam: 'Zwolle', lng: 6.0933, lat: 52.5322 },
	{ postcode: '8024AC', huisnummer: 5, straatnaam: 'Merelstraat', woonplaatsnaam: 'Zwolle', lng: 6.0941, lat: 52.5301 },
	{ postcode: '8024AC', huisnummer: 5, huisletter: 'A', straatnaam: 'Merelstraat', woonplaatsnaam: 'Zwolle', lng: 6.0942, lat: 52.5301 },
	{ postcode: '8024AD', huisnummer: 21, straatnaam: 'Wielewaalstraat', woonplaatsnaam: 'Zwolle', lng: 6.0951, lat: 52.5291 },
	{ postcode: '8025BJ', huisnummer: 10, straatnaam: 'Kamperweg', woonplaatsnaam: 'Zwolle', lng: 6.0921, lat: 52.5318 }
];

export const PDOK_FAILS = '9999ZZ';
export const PDOK_HANGS = '9999ZY';

export interface FakePdok {
	url: string;
	requests: number;
	close(): Promise<void>;
}

export async function startFakePdok(port = 0): Promise<FakePdok> {
	const state = { requests: 0 };
	const server: Server = createServer((req, res) => {
		state.requests += 1;
		const url = new URL(req.url ?? '/', 'http://localhost');
		const q = url.searchParams.get('q') ?? '';
		const postcode = /postcode:(\w+)/.exec(q)?.[1]?.toUpperCase() ?? '';
		const huisnummer = Number(/huisnummer:(\d+)/.exec(q)?.[1] ?? NaN);
		if (postcode === PDOK_FAILS) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
			return;
		}
		if (postcode === PDOK_HANGS) return; // never answers: the app must time out
		const docs = pdokAddresses
			.filter((a) => a.postcode === postcode && a.huisnummer === huisnummer)
			.map((a) => ({
				type: 'adres',
				weergavenaam: `${a.straatnaam} ${a.huisnummer}${a.huisletter ?? ''}, ${a.postcode} ${a.woonplaatsnaam}`,
				straatnaam: a.straatnaam,
				huisnummer: a.huisnummer,
				...(a.huisletter ? { huisletter: a.huisletter } : {}),
				postcode: a.postcode,
				woonplaatsnaam: a.woonplaatsnaam,
				centroide_ll: `POINT(${a.lng} ${a.lat})`,
				id: `adr-${a.postcode}-${a.huisnummer}${a.huisletter ?? ''}`,
				score: 10
			}));
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 10, numFoundExact: true, docs } }));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${address.port}/bzk/locatieserver/search/v3_1/free`,
		get requests() {
			return state.requests;
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}
