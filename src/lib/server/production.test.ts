import { describe, expect, it } from 'vitest';
import { apiKey, LOCAL_JWT_SECRET } from '../../../scripts/stack/keys.ts';
import { productionProblems, signedWithWellKnownSecret } from './production';

const ownSecret = 'a-project-secret-that-nobody-else-knows-0123456789';

async function settings(overrides: Record<string, string | undefined> = {}) {
	return {
		SUPABASE_JWT_SECRET: ownSecret,
		SUPABASE_ANON_KEY: await apiKey('anon', ownSecret),
		SUPABASE_SERVICE_ROLE_KEY: await apiKey('service_role', ownSecret),
		ORIGIN: 'https://buurtplein.example.nl',
		...overrides
	};
}

describe('production settings', () => {
	it('accepts a project of its own on https', async () => {
		expect(productionProblems(await settings())).toEqual([]);
	});

	it('refuses the local stack: its secret and keys signed with it', async () => {
		const local = await settings({
			SUPABASE_JWT_SECRET: LOCAL_JWT_SECRET,
			SUPABASE_ANON_KEY: await apiKey('anon', LOCAL_JWT_SECRET),
			SUPABASE_SERVICE_ROLE_KEY: await apiKey('service_role', LOCAL_JWT_SECRET)
		});
		const problems = productionProblems(local);
		expect(problems).toHaveLength(3);
		expect(problems.join('\n')).toMatch(/SUPABASE_JWT_SECRET.*well-known/);
		expect(problems.join('\n')).toMatch(/SUPABASE_SERVICE_ROLE_KEY is a key of the local stack/);
	});

	it("refuses the Supabase CLI's published demo key", () => {
		const demoAnon =
			'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
		expect(signedWithWellKnownSecret(demoAnon)).toBe(true);
	});

	it('refuses an origin without https, except localhost', async () => {
		expect(productionProblems(await settings({ ORIGIN: 'http://buurtplein.example.nl' })).join()).toMatch(/not https/);
		expect(productionProblems(await settings({ ORIGIN: undefined })).join()).toMatch(/ORIGIN is not set/);
		expect(productionProblems(await settings({ ORIGIN: 'http://localhost:3000' }))).toEqual([]);
		expect(productionProblems(await settings({ ORIGIN: 'http://127.0.0.1:3000' }))).toEqual([]);
	});

	it('refuses a short or missing secret and missing keys', async () => {
		const problems = productionProblems({ ORIGIN: 'https://x.nl', SUPABASE_JWT_SECRET: 'short' });
		expect(problems).toHaveLength(3);
	});
});
