// The job runner against the real stack (PostgREST with the service role, as the site runs it):
// claiming, retries with backoff, the dead list, leases, idempotent enqueueing and scheduled slots.
// Each test uses kinds of its own, so the site's own runner (which handles only its kinds) stays out.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { JobRunner, type JobHandler } from '../../src/lib/server/jobs/runner.ts';
import { asUser, Browser, demo, service } from '../support/clients.ts';

const env = inject('env');
const db = () => service(env);
const unique = () => randomBytes(4).toString('hex');
const runners: JobRunner[] = [];

function runner(handlers: Record<string, JobHandler>, options: Partial<ConstructorParameters<typeof JobRunner>[0]> = {}): JobRunner {
	const r = new JobRunner({ db: service(env), handlers, pollMs: 50, log: () => {}, ...options });
	runners.push(r);
	return r;
}

async function until(check: () => Promise<boolean>, timeoutMs = 25_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not reached in time');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function jobsOf(kind: string) {
	const { data, error } = await db().from('jobs').select('id, status, attempts, last_error, locked_by').eq('kind', kind).order('id');
	if (error) throw error;
	return data;
}

afterEach(async () => {
	await Promise.all(runners.splice(0).map((r) => r.stop()));
});

describe('the job runner', () => {
	it('two runners working side by side never run the same job, and run every job', async () => {
		const kind = `test.count-${unique()}`;
		const runs = new Map<number, string[]>();
		const handler: JobHandler = async (_payload, job, ctx) => {
			runs.set(job.id, [...(runs.get(job.id) ?? []), ctx.workerId]);
			await new Promise((resolve) => setTimeout(resolve, 5));
		};
		for (let i = 0; i < 120; i++) {
			const { error } = await db().rpc('enqueue_job', { p_kind: kind, p_payload: { i } });
			expect(error).toBeNull();
		}
		const a = runner({ [kind]: handler }, { batch: 7, workerId: `a-${unique()}` });
		const b = runner({ [kind]: handler }, { batch: 7, workerId: `b-${unique()}` });
		a.start();
		b.start();
		await until(async () => (await jobsOf(kind)).every((job) => job.status === 'done'));
		const jobs = await jobsOf(kind);
		expect(jobs).toHaveLength(120);
		expect([...runs.values()].filter((workers) => workers.length !== 1)).toEqual([]);
		expect(runs.size).toBe(120);
		expect(jobs.every((job) => job.attempts === 1)).toBe(true);
	});

	it('retries a failing job with backoff, then puts it on the dead list that admins see', async () => {
		const kind = `test.fail-${unique()}`;
		let tries = 0;
		const r = runner({ [kind]: async () => { tries += 1; throw new Error('SMTP says no'); } }, { backoff: { baseSeconds: 0.05, maxSeconds: 0.2 } });
		const { data: id } = await db().rpc('enqueue_job', { p_kind: kind, p_max_attempts: 3 });
		r.start();
		await until(async () => (await jobsOf(kind))[0].status === 'dead');
		const [job] = await jobsOf(kind);
		expect(tries).toBe(3);
		expect(job.attempts).toBe(3);
		expect(job.last_error).toContain('SMTP says no');

		const admin = await asUser(env, demo.admin);
		const { data: dead, error } = await admin.rpc('dead_jobs', { p_limit: 200 });
		expect(error).toBeNull();
		expect(dead!.find((d) => d.id === id)).toMatchObject({ kind, attempts: 3 });
		const page = await (await new Browser(env).signIn(demo.admin)).get('/beheer/taken');
		expect(page.status).toBe(200);
		expect(page.body).toContain(kind);
		expect(page.body).toContain('SMTP says no');

		for (const who of [demo.anna, demo.workerZwolle, demo.coordinatorZwolle]) {
			const { error: refused } = await (await asUser(env, who)).rpc('dead_jobs', {});
			expect(refused?.code).toBe('42501');
		}
		expect((await (await new Browser(env).signIn(demo.workerZwolle)).get('/beheer/taken')).status).toBe(403);

		// The admin queues it again: it runs (and fails) anew.
		const { error: retryError } = await admin.rpc('retry_dead_job', { p_id: id! });
		expect(retryError).toBeNull();
		await until(async () => tries > 3);
	});

	it('runs a job again when its instance died holding it, once the lease ran out', async () => {
		const kind = `test.lease-${unique()}`;
		await db().rpc('enqueue_job', { p_kind: kind });
		// An instance claims the job and is never heard of again.
		const { data: claimed } = await db().rpc('claim_jobs', { p_worker: 'gone', p_kinds: [kind], p_limit: 1, p_lease_seconds: 5 });
		expect(claimed).toHaveLength(1);
		let ran = 0;
		const r = runner({ [kind]: async () => { ran += 1; } });
		r.start();
		await until(async () => (await jobsOf(kind))[0].status === 'done');
		const [job] = await jobsOf(kind);
		expect(ran).toBe(1);
		expect(job.attempts).toBe(2);
		expect(job.last_error).toContain('lease expired on gone');
	});

	it('makes one job of an enqueue repeated with the same key', async () => {
		const kind = `test.once-${unique()}`;
		const first = await db().rpc('enqueue_job', { p_kind: kind, p_dedupe_key: `once-${kind}` });
		const second = await db().rpc('enqueue_job', { p_kind: kind, p_dedupe_key: `once-${kind}` });
		expect(first.data).toBeGreaterThan(0);
		expect(second.data).toBeNull();
		expect(await jobsOf(kind)).toHaveLength(1);
	});

	it('runs a scheduled slot once however many instances see it, and the next slot when it comes', async () => {
		const kind = `test.slot-${unique()}`;
		const name = `test-slot-${unique()}`;
		let now = new Date('2030-01-07T09:00:00Z');
		const clock = () => now;
		const ran: string[] = [];
		const handler: JobHandler = async (payload) => { ran.push(String(payload.slot)); };
		const instances = [1, 2, 3].map(() => runner({ [kind]: handler }, { clock, schedules: [{ name, kind, slot: { dailyAt: '07:00' } }] }));
		await Promise.all(instances.map((r) => r.checkSchedules()));
		await Promise.all(instances.map((r) => r.checkSchedules()));
		expect(await jobsOf(kind)).toHaveLength(1);

		now = new Date('2030-01-07T23:59:00Z');
		await Promise.all(instances.map((r) => r.checkSchedules()));
		expect(await jobsOf(kind)).toHaveLength(1);

		now = new Date('2030-01-08T06:00:00Z');
		await Promise.all(instances.map((r) => r.checkSchedules()));
		expect(await jobsOf(kind)).toHaveLength(2);

		for (const r of instances) r.start();
		await until(async () => ran.length === 2);
		expect(ran.map((slot) => new Date(slot).toISOString()).sort()).toEqual(['2030-01-07T06:00:00.000Z', '2030-01-08T06:00:00.000Z']);
		// A handler has returned before its runner marks the job done: wait for that write, not just the run.
		await until(async () => (await jobsOf(kind)).every((job) => job.status !== 'running'));
		expect(await jobsOf(kind)).toEqual([expect.objectContaining({ status: 'done' }), expect.objectContaining({ status: 'done' })]);
	});

	it('keeps jobs and the heartbeat from everyone but the service role', async () => {
		for (const client of [await asUser(env, demo.anna), await asUser(env, demo.admin)]) {
			const { data } = await client.from('jobs').select('id').limit(1);
			expect(data ?? []).toEqual([]);
			const { error } = await client.rpc('claim_jobs', { p_worker: 'x', p_kinds: ['mail.send'] });
			expect(error?.code).toBe('42501');
		}
		const { data: health } = await db().rpc('job_health', {});
		expect(health).toMatchObject({ workers: expect.any(Number), dead: expect.any(Number) });
	});
});

describe('npm run worker', () => {
	it('runs jobs without the web server, sends mail and reports its heartbeat, and stops on SIGTERM', async () => {
		const { spawn } = await import('node:child_process');
		const { startSmtp } = await import('../support/smtp.ts');
		const smtp = await startSmtp();
		const worker = spawn(process.execPath, ['scripts/worker.ts'], {
			env: {
				...process.env,
				SUPABASE_URL: env.supabaseUrl,
				SUPABASE_ANON_KEY: env.anonKey,
				SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
				SUPABASE_JWT_SECRET: env.jwtSecret,
				SMTP_URL: smtp.url,
				ORIGIN: env.appUrl
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let log = '';
		worker.stderr!.on('data', (chunk) => (log += chunk));
		try {
			const subject = `Werker ${unique()}`;
			await db().from('email_outbox').insert({ to_address: 'emre@buurtplein.test', subject, body_text: 'Hallo', kind: 'initiatief_update' });
			await smtp.waitFor('emre@buurtplein.test', (m) => m.subject === subject, 30_000);
			const { data: workers } = await db().from('job_workers').select('id, kinds, last_seen_at').contains('kinds', ['mail.send']);
			expect(workers!.some((w) => w.id.includes(`:${worker.pid}:`))).toBe(true);
			const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
			worker.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(log).toContain('[worker] running jobs');
		} finally {
			if (worker.exitCode === null) worker.kill('SIGKILL');
			await smtp.close();
		}
	});
});
