// Issue 16's figures: the site under 25 connections of mixed reads and writes while the stack is hurt.
// On the PostgreSQL server: PostgREST killed (SIGKILL), every connection of the database terminated
// (pg_terminate_backend), and the database away for 5 s (connections dropped and refused, as in a
// restart); on embedded PGlite: PostgREST killed, and the socket server away for 5 s. Per fault: the
// requests answered per status, how fast the 503s came and whether they said Retry-After, and the
// time until pages answered 200 again. At the end: writes acknowledged (303) against rows found.
import pg from 'pg';
import { Browser, demo, service } from '../../tests/support/clients.ts';
import { PG_SERVER_URL, startTestEnv, type Backend, type Running } from '../../tests/support/env.ts';
import { table } from './lib.ts';

const CONNECTIONS = 25;
const OUTAGE_MS = 5000;
const REQUEST_TIMEOUT_MS = 15_000;

interface Sample {
	kind: 'read' | 'write';
	start: number;
	end: number;
	status: number; // 0: no answer within REQUEST_TIMEOUT_MS or a broken connection
	retryAfter: boolean;
	/** The write's number, in its description. */
	write?: number;
	/** A write answered "may have been saved": its connection broke after it was sent. */
	inDoubt?: boolean;
}

const IN_DOUBT = 'Misschien is het gelukt.';

/** 25 workers in a loop: three reads (visitor list, logged-in home) for every write (a burenhulp post). */
class Load {
	readonly samples: Sample[] = [];
	private running = true;
	private done: Promise<void[]>;
	private written = 0;
	private readonly appUrl: string;
	private readonly marker: string;

	// Plain fields, not parameter properties: Node runs this file with type stripping only.
	constructor(appUrl: string, writers: { cookie: string; buurt: string }[], marker: string) {
		this.appUrl = appUrl;
		this.marker = marker;
		this.done = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => this.worker(writers[i % writers.length])));
	}

	private async worker(writer: { cookie: string; buurt: string }): Promise<void> {
		for (let n = 0; this.running; n++) {
			const write = n % 4 === 3;
			const start = performance.now();
			const number = write ? ++this.written : undefined;
			let status = 0;
			let retryAfter = false;
			let inDoubt = false;
			try {
				const response = number ? await this.write(writer, number) : await fetch(this.appUrl + (n % 2 ? '/initiatieven' : '/'), { headers: { accept: 'text/html', ...(n % 2 ? {} : { cookie: writer.cookie }) }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
				status = response.status;
				retryAfter = /^\d+$/.test(response.headers.get('retry-after') ?? '');
				inDoubt = (await response.text()).includes(IN_DOUBT);
			} catch {
				// no answer: counted as status 0
			}
			this.samples.push({ kind: write ? 'write' : 'read', start, end: performance.now(), status, retryAfter, write: number, inDoubt });
		}
	}

	private write(writer: { cookie: string; buurt: string }, number: number): Promise<Response> {
		const body = new URLSearchParams({ kind: 'aanbod', category: 'klussen', description: `${this.marker} ${number}`, whenKind: 'wekelijks', slots: 'za-ochtend', buurtCode: writer.buurt });
		return fetch(`${this.appUrl}/burenhulp/nieuw`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: { accept: 'text/html', origin: this.appUrl, cookie: writer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
		});
	}

	async stop(): Promise<void> {
		this.running = false;
		await this.done;
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the reads of the last 2 s, all started after the fault, answered 200. */
async function settled(load: Load, since: number): Promise<void> {
	const deadline = performance.now() + 60_000;
	while (performance.now() < deadline) {
		await sleep(250);
		const now = performance.now();
		if (now - since < 2000) continue;
		const recent = load.samples.filter((s) => s.kind === 'read' && s.start > now - 2000);
		if (recent.length && recent.every((s) => s.status === 200)) return;
	}
	throw new Error('pages did not answer 200 again within 60 s');
}

/**
 * One fault: `from` is when it struck, `back` when the database came back (or `from`, when the
 * fault heals by itself). Recovery: from `back` to the first read answered 200 after the last read
 * that was not, among the reads started since the fault.
 */
function phaseRow(name: string, samples: Sample[], from: number, back: number, until: number) {
	const during = samples.filter((s) => s.start >= from && s.start < until);
	const reads = during.filter((s) => s.kind === 'read').sort((a, b) => a.start - b.start);
	const lastBad = reads.filter((s) => s.status !== 200).at(-1);
	const firstGood = lastBad ? reads.find((s) => s.start > lastBad.start && s.status === 200) : null;
	const recovery = lastBad ? (firstGood ? Math.max(0, firstGood.end - back) : NaN) : 0;
	const refused = during.filter((s) => s.status === 503).map((s) => s.end - s.start).sort((a, b) => a - b);
	const pct = (p: number) => (refused.length ? Math.round(refused[Math.min(refused.length - 1, Math.floor(p * refused.length))]) : '-');
	const count = (f: (s: Sample) => boolean) => during.filter(f).length;
	return {
		fault: name,
		requests: during.length,
		'200 ok': count((s) => s.status === 200),
		'303 saved': count((s) => s.status === 303),
		'503 refused': refused.length,
		'503 w/ Retry-After': count((s) => s.status === 503 && s.retryAfter),
		'5xx other': count((s) => s.status >= 500 && s.status !== 503),
		'other': count((s) => s.status !== 0 && s.status < 500 && s.status !== 200 && s.status !== 303),
		'no answer': count((s) => s.status === 0),
		'503 p50 ms': pct(0.5),
		'503 p99 ms': pct(0.99),
		'503 max ms': refused.length ? Math.round(refused.at(-1)!) : '-',
		'200 again after s': Number.isNaN(recovery) ? 'never' : (recovery / 1000).toFixed(2)
	};
}

async function terminateConnections(running: Running): Promise<number> {
	const name = decodeURIComponent(new URL(running.stack.db.postgrestUrl).pathname.slice(1));
	const admin = new pg.Client({ connectionString: PG_SERVER_URL });
	admin.on('error', () => {});
	await admin.connect();
	try {
		const { rows } = await admin.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t', [name]);
		return rows[0].n;
	} finally {
		await admin.end();
	}
}

async function bench(backend: Backend): Promise<void> {
	const running = await startTestEnv(backend, { RATE_LIMITS: 'off' });
	try {
		const { env, stack } = running;
		const marker = `fault-bench ${backend} ${Date.now()}`;
		const residents = [demo.anna, demo.bram, demo.chantal, demo.emre, demo.fatima];
		const { data: profiles } = await service(env).from('profiles').select('id, buurt_code').in('id', residents);
		const writers = await Promise.all(
			profiles!.map(async (p) => ({ cookie: `session=${(await new Browser(env).signIn(p.id)).sessionToken}`, buurt: p.buurt_code! }))
		);
		const load = new Load(env.appUrl, writers, marker);
		const rows = [];
		const t0 = performance.now();
		await sleep(3000);
		rows.push(phaseRow('none (baseline)', load.samples, t0 + 1000, t0 + 1000, performance.now()));

		let from = performance.now();
		process.kill(stack.postgrest.pid!, 'SIGKILL');
		await settled(load, from);
		rows.push(phaseRow('PostgREST killed (SIGKILL)', load.samples, from, from, performance.now()));

		if (backend === 'postgres') {
			from = performance.now();
			const terminated = await terminateConnections(running);
			await settled(load, from);
			rows.push(phaseRow(`${terminated} connections terminated`, load.samples, from, from, performance.now()));
		}

		from = performance.now();
		const outage = await stack.db.outage();
		await sleep(OUTAGE_MS);
		await outage.end();
		const back = performance.now();
		await settled(load, back);
		rows.push(phaseRow(`database away ${OUTAGE_MS / 1000} s${backend === 'pglite' ? ' (socket server)' : ''}`, load.samples, from, back, performance.now()));

		await load.stop();
		const writes = load.samples.filter((s) => s.kind === 'write');
		const acknowledged = writes.filter((s) => s.status === 303).length;
		const { data: stored } = await service(env).from('help_posts').select('description').like('description', `${marker} %`).limit(100_000);
		const found = stored!.length;
		console.log(`\n${backend === 'postgres' ? 'PostgreSQL server' : 'Embedded PGlite'}: ${CONNECTIONS} connections, 3 reads : 1 write (recovery counted from the fault, or from the database's return)`);
		console.log(table(rows));
		const refused = writes.filter((s) => s.status === 503 && !s.inDoubt);
		const inDoubt = writes.filter((s) => s.inDoubt);
		const numbers = stored!.map((row) => Number(row.description.slice(marker.length + 1)));
		const saved = new Set(numbers);
		const lost = writes.filter((s) => s.status === 303 && !saved.has(s.write!));
		const savedAnyway = refused.filter((s) => saved.has(s.write!));
		const doubtSaved = inDoubt.filter((s) => saved.has(s.write!)).length;
		const twice = numbers.length - saved.size;
		console.log(
			`Writes: ${writes.length} sent: ${acknowledged} acknowledged (303), ${refused.length} refused (503, values back), ` +
				`${inDoubt.length} in doubt (503 "may have been saved": connection cut during the commit), ${writes.length - acknowledged - refused.length - inDoubt.length} other`
		);
		console.log(
			`Rows found: ${found} = ${acknowledged} acknowledged + ${doubtSaved} of the ${inDoubt.length} in doubt` +
				` (acknowledged but missing: ${lost.length}; refused but saved: ${savedAnyway.length}; saved twice: ${twice}) — ${found === acknowledged + doubtSaved && !lost.length && !savedAnyway.length ? 'as acknowledged' : 'NOT AS ACKNOWLEDGED'}`
		);
		for (const s of [...lost, ...savedAnyway]) console.log(`  write ${s.write} answered ${s.status}${s.inDoubt ? ' (in doubt)' : ''} but was ${saved.has(s.write!) ? '' : 'not '}saved (sent ${((s.start - t0) / 1000).toFixed(2)} s after the load began)`);
		if (lost.length || savedAnyway.length || twice || found !== acknowledged + doubtSaved) process.exitCode = 1;
		console.log(`PostgREST restarts: ${stack.postgrest.restarts}`);
	} finally {
		await running.stop();
	}
}

export async function run(): Promise<void> {
	await bench('postgres');
	await bench('pglite');
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
