// Benchmark: the job runner and mail delivery, on the PostgreSQL server and on embedded PGlite.
//  1. Claim throughput: 5,000 no-op jobs run by two runners side by side (jobs/s), and that no job
//     ran twice or was left behind.
//  2. 10,000 queued mails delivered to a local SMTP server by one runner, then 10,000 by two:
//     mails/s, and that every mail arrived exactly once (none lost, none doubled).
//  3. The bell's unread count with 1,000,000 notifications (EXPLAIN ANALYZE as a resident through
//     RLS): it must read only the partial index notifications_unread.
// Usage: npx vite build && node scripts/bench/notifications.bench.ts [pglite|postgres]   (default both)
import { createClient } from '@supabase/supabase-js';
import { createDatabase, dropDatabase } from '../stack/db.ts';
import { startStack, type Stack } from '../stack/index.ts';
import { JobRunner, type JobHandler } from '../../src/lib/server/jobs/runner.ts';
import { mailDelivery } from '../../src/lib/server/mail/deliver.ts';
import { startSmtp } from '../../tests/support/smtp.ts';
import { table } from './lib.ts';

const PG_SERVER_URL = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NOOP_JOBS = 5_000;
const MAILS = Number(process.env.BENCH_MAILS ?? 10_000);
const NOTIFICATIONS = 1_000_000;
const backends = process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite'];
const rows: Record<string, string | number>[] = [];

function client(stack: Stack) {
	return createClient(stack.url, stack.serviceRoleKey, { auth: { persistSession: false }, db: { retry: false } } as never) as never;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('benchmark step did not finish in time');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function count(stack: Stack, sql: string): Promise<number> {
	const [row] = await stack.db.query<{ n: string | number }>(sql);
	return Number(row.n);
}

async function claimThroughput(stack: Stack, backend: string) {
	const runs = new Map<number, number>();
	const handler: JobHandler = async (_payload, job) => {
		runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
	};
	await stack.db.exec(`select app.enqueue_job('bench.noop', jsonb_build_object('i', g)) from generate_series(1, ${NOOP_JOBS}) g`);
	const runners = [1, 2].map((i) => new JobRunner({ db: client(stack), handlers: { 'bench.noop': handler }, workerId: `noop-${i}`, pollMs: 50, log: () => {} }));
	const started = performance.now();
	for (const r of runners) r.start();
	await waitUntil(async () => (await count(stack, `select count(*) as n from public.jobs where kind = 'bench.noop' and status <> 'done'`)) === 0, 600_000);
	const seconds = (performance.now() - started) / 1000;
	await Promise.all(runners.map((r) => r.stop()));
	const twice = [...runs.values()].filter((n) => n > 1).length;
	rows.push({
		backend, what: `${NOOP_JOBS} no-op jobs, 2 runners`, 'per second': Math.round(NOOP_JOBS / seconds), seconds: seconds.toFixed(1),
		'run once': runs.size === NOOP_JOBS && twice === 0 ? 'yes' : `NO (${runs.size} ran, ${twice} twice)`,
		split: runners.map((r) => r.heartbeat().jobsDone).join(' / ')
	});
}

async function mailThroughput(stack: Stack, backend: string, instances: number) {
	const smtp = await startSmtp();
	const tag = `${backend}-${instances}`;
	await stack.db.exec(`
		insert into public.email_outbox (to_address, subject, body_text, kind)
		select 'buur' || (g % 500) || '@bench.test', 'Bench ${tag} ' || g, 'Hallo,' || chr(10) || chr(10) || 'Er is iets nieuws op Buurtplein.', 'initiatief_update'
		  from generate_series(1, ${MAILS}) g`);
	const deliveries = Array.from({ length: instances }, () =>
		mailDelivery({ smtpUrl: smtp.url, from: 'Buurtplein <noreply@bench.test>', origin: 'http://127.0.0.1', secret: stack.jwtSecret })
	);
	const runners = deliveries.map((d, i) => new JobRunner({ db: client(stack), handlers: { 'mail.send': d.handler }, workerId: `mail-${tag}-${i}`, pollMs: 50, log: () => {} }));
	const started = performance.now();
	for (const r of runners) r.start();
	const ours = () => smtp.mails.filter((m) => m.subject.startsWith(`Bench ${tag} `));
	await waitUntil(async () => ours().length >= MAILS && (await count(stack, `select count(*) as n from public.email_outbox where subject like 'Bench ${tag} %' and sent_at is null`)) === 0, 1_800_000);
	const seconds = (performance.now() - started) / 1000;
	await new Promise((resolve) => setTimeout(resolve, 1000));
	await Promise.all(runners.map((r) => r.stop()));
	for (const d of deliveries) d.close();
	await smtp.close();
	const received = ours().map((m) => m.subject);
	const unique = new Set(received).size;
	const unsent = await count(stack, `select count(*) as n from public.email_outbox where subject like 'Bench ${tag} %' and sent_at is null`);
	rows.push({
		backend, what: `${MAILS} mails by SMTP, ${instances} runner${instances > 1 ? 's' : ''}`, 'per second': Math.round(MAILS / seconds), seconds: seconds.toFixed(1),
		'run once': unique === MAILS && received.length === MAILS && unsent === 0 ? 'yes' : `NO (${received.length} received, ${unique} distinct, ${unsent} unsent)`,
		split: runners.map((r) => r.heartbeat().jobsDone).join(' / ')
	});
}

async function unreadPlan(stack: Stack) {
	const started = Date.now();
	await stack.db.exec(`
		insert into public.users (id, email, email_verified_at, password_hash)
		select ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, 'buur' || g || '@bench.test', now(), 'x' from generate_series(1, 2000) g;
		insert into public.profiles (id, display_name, buurt_code)
		select ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, 'Buur ' || g, 'BU01930601' from generate_series(1, 2000) g;
		insert into public.notifications (user_id, kind, link, subject_id, params, created_at, read_at)
		select ('00000000-0000-4000-a000-' || lpad((1 + g % 2000)::text, 12, '0'))::uuid, 'initiatief_update', '/initiatieven', g::text, '{}',
		       now() - make_interval(mins => g % 100000), case when (g / 2000) % 10 = 0 then null else now() end
		  from generate_series(1, ${NOTIFICATIONS}) g;
	`);
	await stack.db.exec('vacuum analyze public.notifications');
	const user = '00000000-0000-4000-a000-000000000042';
	console.log(`\nseeded ${NOTIFICATIONS.toLocaleString('en')} notifications for 2,000 people (10 % unread) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	// As the bell asks it: the resident's role and JWT claims, so RLS applies as through PostgREST.
	await stack.db.exec(`begin; set local role authenticated; select set_config('request.jwt.claims', '{"sub":"${user}","role":"authenticated"}', true);`);
	try {
		for (const [name, sql] of [
			['unread count (the bell)', 'select count(*) from public.notifications where read_at is null'],
			['first page of /meldingen', 'select id, kind, link, params, count, created_at, read_at from public.notifications order by created_at desc, id desc limit 20']
		]) {
			const plan = await stack.db.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${sql}`);
			console.log(`\nEXPLAIN ANALYZE, ${name}, as one resident through RLS:`);
			for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);
			const text = plan.map((row) => row['QUERY PLAN']).join('\n');
			const index = name.startsWith('unread') ? 'notifications_unread' : 'notifications_list';
			if (!text.includes(index) || /Seq Scan on notifications/.test(text)) throw new Error(`${name} does not use ${index}`);
		}
	} finally {
		await stack.db.exec('rollback');
	}
}

for (const backend of backends) {
	const name = `buurtplein_bench_notifications_${process.pid}`;
	const databaseUrl = backend === 'postgres' ? await createDatabase(PG_SERVER_URL, name) : undefined;
	const stack = await startStack({ databaseUrl, dataDir: null, seed: true, log: () => {} });
	try {
		console.log(`\n── ${backend} ──`);
		await claimThroughput(stack, backend);
		await mailThroughput(stack, backend, 1);
		await mailThroughput(stack, backend, 2);
		if (backend === 'postgres') await unreadPlan(stack);
	} finally {
		await stack.stop();
		if (databaseUrl) await dropDatabase(PG_SERVER_URL, name);
	}
}
console.log(`\n${table(rows)}`);
if (rows.some((row) => row['run once'] !== 'yes')) process.exit(1);
