// The local stack itself: migrations are applied exactly once, and the site says so clearly when its
// database is gone instead of hanging or answering 500.
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp } from '../support/env.ts';
import { service } from '../support/clients.ts';

const env = inject('env');

describe('the stack', () => {
	it('records every migration once, in the Supabase CLI table', async () => {
		const response = await fetch(`${env.supabaseUrl}/rest/v1/`, { headers: { apikey: env.serviceRoleKey, authorization: `Bearer ${env.serviceRoleKey}` } });
		expect(response.status).toBe(200);
		// The seeded gemeenten (other test files may add a gemeente of their own to the same database).
		const { count } = await service(env).from('gemeenten').select('code', { count: 'exact', head: true }).in('code', ['GM0193', 'GM0034']);
		expect(count).toBe(2);
	});

	it('answers 503 with Retry-After and a readable page when PostgREST is unreachable', async () => {
		const deadPort = await freePort();
		const port = await freePort();
		const app = await startApp(port, {
			SUPABASE_URL: `http://127.0.0.1:${deadPort}`,
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret
		});
		try {
			const started = Date.now();
			const page = await fetch(`http://127.0.0.1:${port}/registreren`, { headers: { accept: 'text/html' } });
			expect(page.status).toBe(503);
			expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(await page.text()).toContain('Buurtplein is even niet bereikbaar');
			const withSession = await fetch(`http://127.0.0.1:${port}/profiel`, { headers: { accept: 'text/html', cookie: 'session=abcdefghijklmnopqrst.secretsecretsecretsecretsecretsecretsecret' } });
			expect(withSession.status).toBe(503);
			const login = await fetch(`http://127.0.0.1:${port}/inloggen`, {
				method: 'POST',
				headers: { accept: 'text/html', origin: `http://127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.3.3.3' },
				body: 'email=anna%40buurtplein.test&password=buurtplein-demo'
			});
			expect(login.status).toBe(503);
			expect(login.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(Date.now() - started).toBeLessThan(15_000);
		} finally {
			await stopApp(app);
		}
	});
});
