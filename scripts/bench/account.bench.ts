// Issue 9's timing figures: log-in, registration and a password-reset request must take the same time
// whether or not the address has an account. One request at a time (latency, not load), alternating
// a known and an unknown address, through the built site on the PostgreSQL server, rate limits off.
import { Browser, DEMO_PASSWORD } from '../../tests/support/clients.ts';
import { PG_SERVER_URL, startTestEnv } from '../../tests/support/env.ts';
import { median, table, timed } from './lib.ts';

const ROUNDS = 40;

export async function run(): Promise<void> {
	console.log(`PostgreSQL at ${PG_SERVER_URL}`);
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const browser = new Browser(running.env);
		const known = 'anna@buurtplein.test';
		let n = 0;
		const unknown = () => `niemand.${Date.now()}.${(n += 1)}@example.test`;
		const flows = {
			'password reset request': {
				known: () => timed(() => browser.post('/wachtwoord-vergeten', { email: known }), 200),
				unknown: () => timed(() => browser.post('/wachtwoord-vergeten', { email: unknown() }), 200)
			},
			'log-in with a wrong password': {
				known: () => timed(() => browser.post('/inloggen', { email: known, password: `${DEMO_PASSWORD}-fout` }), 400),
				unknown: () => timed(() => browser.post('/inloggen', { email: unknown(), password: `${DEMO_PASSWORD}-fout` }), 400)
			},
			registration: {
				known: () => timed(() => browser.post('/registreren', { email: known, password: 'een-lang-wachtwoord', displayName: 'Anna Nogmaals', buurtCode: 'BU01930601' }), 303),
				unknown: () => timed(() => browser.post('/registreren', { email: unknown(), password: 'een-lang-wachtwoord', displayName: 'Nieuwe Buur', buurtCode: 'BU01930601' }), 303)
			}
		};
		const rows = [];
		for (const [name, flow] of Object.entries(flows)) {
			// Warm-up, so that the first requests' set-up does not count.
			for (let i = 0; i < 3; i += 1) await Promise.all([flow.known(), flow.unknown()]);
			const times = { known: [] as number[], unknown: [] as number[] };
			for (let i = 0; i < ROUNDS; i += 1) {
				times.known.push(await flow.known());
				times.unknown.push(await flow.unknown());
			}
			const k = median(times.known);
			const u = median(times.unknown);
			rows.push({ flow: name, 'known p50 ms': k.toFixed(1), 'unknown p50 ms': u.toFixed(1), 'known / unknown': (k / u).toFixed(2) });
		}
		console.log(`\nTime to answer, one request at a time, median of ${ROUNDS} each (known: ${known})`);
		console.log(table(rows));
	} finally {
		await running.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
