// Faults the stack heals from (issue 16): PostgREST killed outright, the database dropping every
// connection and refusing new ones for a while (as a restart does), a form posted meanwhile, and
// /healthz telling a load balancer about it. This file starts its own stack and site, so the faults
// it causes touch no other test. Recovery is asserted, not its speed: that is the fault benchmark's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Browser, demo, service } from '../support/clients.ts';
import { startTestEnv, type Backend, type Running } from '../support/env.ts';

const backend = (process.env.TEST_BACKEND ?? 'pglite') as Backend;
let running: Running;

beforeAll(async () => {
	running = await startTestEnv(backend);
});
afterAll(async () => {
	await running?.stop();
});

/** Polls until `done` holds (deadline 30 s: a loaded machine is slow, never wrong). */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
	const deadline = Date.now() + 30_000;
	let last: T | undefined;
	while (Date.now() < deadline) {
		last = await read();
		if (done(last)) return last;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what}: still not so after 30 s (last: ${JSON.stringify(last)})`);
}

/**
 * Waits until PostgREST answers queries again, three times in a row. After the database comes back, a
 * page may already answer 200 while PostgREST is still reloading its schema cache (PGRST002) for a
 * moment; a test that starts then would fail on the previous test's fault, not on its own.
 */
async function settled(): Promise<void> {
	let inARow = 0;
	await until('PostgREST answers queries', async () => {
		const { error } = await service(running.env).from('gemeenten').select('code', { count: 'exact', head: true });
		inARow = error ? 0 : inARow + 1;
		return inARow;
	}, (n) => n >= 3);
}
beforeEach(async () => {
	if (running) await settled();
});

async function page(path: string): Promise<{ status: number; retryAfter: string | null }> {
	const response = await fetch(running.env.appUrl + path, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(15_000) });
	await response.body?.cancel();
	return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

async function health(): Promise<{ status: number; body: { status: string; checks: Record<string, { status: string }> }; text: string }> {
	const response = await fetch(`${running.env.appUrl}/healthz`);
	const text = await response.text();
	return { status: response.status, body: JSON.parse(text), text };
}

function alive(pid: number | undefined): boolean {
	try {
		process.kill(pid!, 0);
		return true;
	} catch {
		return false;
	}
}

describe(`the stack heals itself (${backend})`, () => {
	it('/healthz reports the site, PostgREST, the database and the job runner as JSON, with nothing secret in it', async () => {
		// The job runner reports ok once it has reached the database (its first tick after start).
		const { status, body, text } = await until('/healthz says ok', health, (answer) => answer.body.status === 'ok');
		expect(status).toBe(200);
		expect(Object.keys(body.checks)).toEqual(['site', 'postgrest', 'database', 'jobs']);
		for (const check of Object.values(body.checks)) expect(check.status).toBe('ok');
		for (const secret of [running.env.anonKey, running.env.serviceRoleKey, running.env.jwtSecret, running.env.supabaseUrl, 'postgres://']) {
			expect(text).not.toContain(secret);
		}
	});

	it('PostgREST killed with SIGKILL is started again, and pages answer 200 again; meanwhile 503, never a 500', async () => {
		const before = running.stack.postgrest.pid;
		process.kill(before!, 'SIGKILL');
		const seen = new Set<number>();
		await until('the initiatives page answers 200', async () => {
			const answer = await page('/initiatieven');
			seen.add(answer.status);
			if (answer.status === 503) expect(answer.retryAfter).toMatch(/^\d+$/);
			return answer.status;
		}, (status) => status === 200);
		expect([...seen].filter((status) => status !== 200 && status !== 503)).toEqual([]);
		expect(running.stack.postgrest.pid).not.toBe(before);
		expect(running.stack.postgrest.restarts).toBeGreaterThanOrEqual(1);
		expect(alive(before)).toBe(false);
		await until('/healthz says ok again', health, (answer) => answer.status === 200);
	});

	it('the database going away is not fatal: 503 with Retry-After meanwhile, /healthz says which part is down, then 200 again', async () => {
		const outage = await running.stack.db.outage();
		try {
			const during = await until('the page answers 503', () => page('/initiatieven'), (answer) => answer.status !== 200);
			expect(during.status).toBe(503);
			expect(during.retryAfter).toMatch(/^\d+$/);
			const down = await until('/healthz notices', health, (answer) => answer.status !== 200);
			expect(down.status).toBe(503);
			expect(down.body.status).toBe('down');
			expect(down.body.checks.postgrest.status).toBe('ok');
			expect(down.body.checks.database.status).toBe('down');
			if (backend === 'postgres') await expect(running.stack.db.query('select 1')).rejects.toThrow();
		} finally {
			await outage.end();
		}
		await until('the initiatives page answers 200', () => page('/initiatieven'), (answer) => answer.status === 200);
		await until('/healthz says ok again', health, (answer) => answer.status === 200 && answer.body.status === 'ok');
		expect(await running.stack.db.query('select 1 as one')).toEqual([{ one: 1 }]);
	});

	it.runIf(backend === 'postgres')('connections terminated with pg_terminate_backend are replaced, and the stack process keeps running', async () => {
		await running.stack.db.query('select 1'); // the stack's own pool now holds a connection to lose
		const { default: pg } = await import('pg');
		const admin = new pg.Client({ connectionString: process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
		admin.on('error', () => {});
		await admin.connect();
		try {
			const name = decodeURIComponent(new URL(running.stack.db.postgrestUrl).pathname.slice(1));
			const { rows } = await admin.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t', [name]);
			expect(rows[0].n).toBeGreaterThanOrEqual(2); // PostgREST's and the stack's own
		} finally {
			await admin.end();
		}
		await until('the initiatives page answers 200', () => page('/initiatieven'), (answer) => answer.status === 200);
		expect(await running.stack.db.query('select 1 as one')).toEqual([{ one: 1 }]);
	});

	it('a form posted while the database is away comes back with what was typed, writes nothing, and can be sent again once', async () => {
		const browser = await new Browser(running.env).signIn(demo.anna);
		const description = `Wie helpt met de boodschappen? (storing ${Date.now()})`;
		const fields = { kind: 'vraag', category: 'boodschappen', description, whenKind: 'wekelijks', slots: ['di-middag', 'do-ochtend'], buurtCode: 'BU01930601' };
		const outage = await running.stack.db.outage();
		let resend: URLSearchParams;
		try {
			const refused = await browser.post('/burenhulp/nieuw', fields);
			expect(refused.status).toBe(503);
			expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(refused.body).toContain('Wat je hebt verstuurd is niet opgeslagen, maar ook niet kwijt.');
			resend = hiddenFields(refused.body);
			expect(resend.get('description')).toBe(description);
			expect(resend.getAll('slots')).toEqual(['di-middag', 'do-ochtend']);
			expect(/<form method="POST" action="([^"]+)"/.exec(refused.body)?.[1]).toBe('/burenhulp/nieuw');

			// The same form sent by JavaScript gets a form failure: the page keeps the values and shows why.
			const enhanced = await fetch(`${running.env.appUrl}/burenhulp/nieuw`, {
				method: 'POST',
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true', origin: running.env.appUrl, cookie: `session=${browser.sessionToken}`, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])))
			});
			const result = await enhanced.json();
			expect(result.type).toBe('failure');
			expect(result.status).toBe(503);
			const { parse } = await import('devalue');
			const data = parse(result.data);
			expect(data.values.description).toBe(description);
			expect(data.errors._form).toBe('Het lukt nu even niet. Probeer het over een paar minuten opnieuw.');
		} finally {
			await outage.end();
		}
		await until('the site answers again', () => page('/initiatieven'), (answer) => answer.status === 200);
		await settled();
		const count = async () => (await service(running.env).from('help_posts').select('id', { count: 'exact', head: true }).eq('description', description)).count;
		expect(await count()).toBe(0);
		const sent = await browser.post('/burenhulp/nieuw', Object.fromEntries([...new Set(resend!.keys())].map((k) => [k, resend!.getAll(k).length > 1 ? resend!.getAll(k) : resend!.get(k)!])));
		expect(sent.status).toBe(303);
		expect(await count()).toBe(1);
	});
});

describe(`forms during an outage (${backend})`, () => {
	it('a visitor registering while the database is away gets the form values back, never the password', async () => {
		const email = `storing.${Date.now()}@example.test`;
		const outage = await running.stack.db.outage();
		try {
			const refused = await new Browser(running.env).post('/registreren', { displayName: 'Sem Storing', email, password: 'een-lang-wachtwoord-1', buurtCode: 'BU01930601', huisregels: 'on' });
			expect(refused.status).toBe(503);
			const resend = hiddenFields(refused.body);
			expect(resend.get('email')).toBe(email);
			expect(resend.get('displayName')).toBe('Sem Storing');
			expect(resend.has('password')).toBe(false);
			expect(refused.body).not.toContain('een-lang-wachtwoord-1');
		} finally {
			await outage.end();
		}
		await until('the site answers again', () => page('/registreren'), (answer) => answer.status === 200);
		await settled();
		expect((await service(running.env).from('users').select('id', { count: 'exact', head: true }).eq('email', email)).count).toBe(0);
	});

	// A write that hangs past the site's time-out may still be carried out: the person is told it may
	// have worked and to look before sending it again, and here it does go through once the lock lifts.
	it.runIf(backend === 'postgres')('a write that times out is answered "may have been saved", not "not saved"', { timeout: 60_000 }, async () => {
		const browser = await new Browser(running.env).signIn(demo.bram);
		const description = `Klusje tijdens een slot (${Date.now()})`;
		const { default: pg } = await import('pg');
		const locker = new pg.Client({ connectionString: running.stack.db.postgrestUrl.replace('authenticator:authenticator@', 'postgres@') });
		locker.on('error', () => {});
		await locker.connect();
		try {
			await locker.query('begin; lock table public.help_posts in exclusive mode');
			const answer = await browser.post('/burenhulp/nieuw', { kind: 'aanbod', category: 'klussen', description, whenKind: 'wekelijks', slots: ['za-ochtend'], buurtCode: 'BU01930602' });
			expect(answer.status).toBe(503);
			expect(answer.body).toContain('Misschien is het gelukt.');
			expect(hiddenFields(answer.body).get('description')).toBe(description);
		} finally {
			await locker.query('rollback');
			await locker.end();
		}
		const count = async () => (await service(running.env).from('help_posts').select('id', { count: 'exact', head: true }).eq('description', description)).count;
		await until('the write waiting for the lock is carried out', count, (n) => n === 1);
	});
});

function hiddenFields(html: string): URLSearchParams {
	const fields = new URLSearchParams();
	const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.append(decode(match[1]), decode(match[2]));
	return fields;
}
