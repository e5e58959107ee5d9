// Issue 14, point 3: asking for a log-in code, typing a wrong one, and changing the e-mail address to
// a taken or a free address must take the same time whether or not an account is behind the address
// (no account enumeration). One request at a time (latency, not load), alternating known and unknown,
// through the built site on the PostgreSQL server, rate limits off. Like account.bench.ts for issue 9.
import { Browser, demo } from '../../tests/support/clients.ts';
import { PG_SERVER_URL, startTestEnv } from '../../tests/support/env.ts';
import { median, table, timed } from './lib.ts';

const ROUNDS = 40;
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

export async function run(): Promise<void> {
	console.log(`PostgreSQL at ${PG_SERVER_URL}`);
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const browser = new Browser(running.env);
		const known = 'bram@buurtplein.test';
		let n = 0;
		const unknown = () => `niemand.${Date.now()}.${(n += 1)}@example.test`;
		// Chantal asks to move to an address; taken: another demo account's.
		const chantal = await new Browser(running.env).signIn(demo.chantal);
		const flows = {
			'ask for a log-in code': {
				known: () => timed(() => browser.post('/inloggen/code?/send', { email: known }), 200),
				unknown: () => timed(() => browser.post('/inloggen/code?/send', { email: unknown() }), 200)
			},
			'type a wrong code (known: an open code)': {
				// Both ask for a code first and let its mail go out, so each verify meets the same background.
				known: async () => {
					await browser.post('/inloggen/code?/send', { email: known });
					await settle();
					return timed(() => browser.post('/inloggen/code?/verify', { email: known, code: '000000' }), 400);
				},
				unknown: async () => {
					const email = unknown();
					await browser.post('/inloggen/code?/send', { email });
					await settle();
					return timed(() => browser.post('/inloggen/code?/verify', { email, code: '000000' }), 400);
				}
			},
			'change e-mail (known: the address is taken)': {
				known: () => timed(() => chantal.post('/profiel/e-mail', { newEmail: 'anna@buurtplein.test', currentPassword: 'buurtplein-demo' }), 200),
				unknown: () => timed(() => chantal.post('/profiel/e-mail', { newEmail: unknown(), currentPassword: 'buurtplein-demo' }), 200)
			}
		};
		const rows = [];
		for (const [name, flow] of Object.entries(flows)) {
			for (let i = 0; i < 3; i += 1) {
				await flow.known();
				await flow.unknown();
			}
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
