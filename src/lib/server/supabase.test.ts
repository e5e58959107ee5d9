// clientFor keeps the client made for a token: the same person gets the same client back, and every
// request through a kept client carries that person's own JWT, never another's.
import { decodeJwt } from 'jose';
import { describe, expect, it, vi } from 'vitest';

const sent: { url: string; authorization: string | null }[] = [];

vi.mock('./config', () => ({
	config: { supabaseUrl: 'http://127.0.0.1:9', anonKey: 'anon-key', serviceRoleKey: 'service-key', jwtSecret: 'a-secret-of-at-least-thirty-two-characters' }
}));
vi.mock('./db-errors', () => ({ isUnavailable: (status: number) => status === 0 || status >= 502, markUnavailable: vi.fn() }));
vi.mock('./health/checks', () => ({ errorCode: async () => null, observeStack: vi.fn() }));
vi.mock('./health/status', () => ({ connectionLost: () => false }));
vi.mock('./fast-fetch', () => ({
	fastFetch: async (input: string | URL | Request, init?: RequestInit) => {
		sent.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
		return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
	}
}));

const { clientFor } = await import('./supabase');

const subjectOf = (authorization: string | null) => decodeJwt(authorization!.replace(/^Bearer /, '')).sub;

describe('clientFor', () => {
	it('gives the same person the same client, and another person or role another', async () => {
		const anna = await clientFor({ id: 'anna', role: 'bewoner' });
		expect(await clientFor({ id: 'anna', role: 'bewoner' })).toBe(anna);
		expect(await clientFor({ id: 'bram', role: 'bewoner' })).not.toBe(anna);
		expect(await clientFor({ id: 'anna', role: 'opbouwwerker' })).not.toBe(anna);
		expect(await clientFor(null)).toBe(await clientFor(null));
	});

	it('sends each person’s requests with their own JWT, however the kept clients interleave', async () => {
		sent.length = 0;
		const people = ['anna', 'bram', 'chantal'];
		for (let round = 0; round < 3; round++) {
			for (const id of people) await (await clientFor({ id, role: 'bewoner' })).from('initiatieven').select('id').eq('author_id', id);
		}
		expect(sent).toHaveLength(9);
		for (const request of sent) expect(subjectOf(request.authorization)).toBe(new URL(request.url).searchParams.get('author_id')!.replace(/^eq\./, ''));
		const anon = await clientFor(null);
		await anon.from('initiatieven').select('id');
		expect(sent.at(-1)!.authorization).toBe('Bearer anon-key');
	});
});
