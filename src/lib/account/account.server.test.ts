// The account flows must not tell by their timing whether an address has an account: both paths do
// the same work (the slow hash, one database call) and send mail only after answering.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let knownAddress = false;
const nudgeJobs = vi.fn();
const hashPassword = vi.fn(async () => '$argon2id$hash');

vi.mock('$lib/server/supabase', () => ({
	serviceClient: () => ({
		rpc: async (fn: string) => {
			calls.push(fn);
			return { data: knownAddress || fn === 'register_account' ? 7 : null, error: null, status: 200 };
		}
	})
}));
vi.mock('$lib/server/mail/outbox', () => ({ queueMail: vi.fn() }));
vi.mock('$lib/server/jobs/site', () => ({ nudgeJobs }));
vi.mock('$lib/server/db-errors', () => ({ must: (result: { data: unknown; error: unknown }) => result.data }));
vi.mock('$lib/server/auth/password', () => ({ hashPassword, verifyPassword: vi.fn(), DUMMY_HASH: 'x' }));

const { register, requestPasswordReset } = await import('./account.server');

async function run(known: boolean, flow: () => Promise<unknown>) {
	knownAddress = known;
	calls.length = 0;
	nudgeJobs.mockClear();
	hashPassword.mockClear();
	await flow();
	return { calls: [...calls], hashed: hashPassword.mock.calls.length, mailSentAfter: nudgeJobs.mock.calls.length };
}

describe('timing of the account flows', () => {
	beforeEach(() => vi.clearAllMocks());

	it('a reset request makes the same one database call for a known and an unknown address', async () => {
		const known = await run(true, () => requestPasswordReset('anna@buurtplein.test', 'https://x.nl'));
		const unknown = await run(false, () => requestPasswordReset('niemand@example.test', 'https://x.nl'));
		expect(known.calls).toEqual(['request_password_reset']);
		expect(unknown.calls).toEqual(known.calls);
		// The mail goes out after the answer (not awaited), and only when there is one.
		expect(known.mailSentAfter).toBe(1);
		expect(unknown.mailSentAfter).toBe(0);
	});

	it('registration hashes the password and makes one database call whether or not the address is taken', async () => {
		const input = { email: 'x@example.test', password: 'een-lang-wachtwoord', displayName: 'Xandra', buurtCode: 'BU01930601', huisregels: true };
		const fresh = await run(false, () => register(input, 'https://x.nl'));
		const taken = await run(true, () => register(input, 'https://x.nl'));
		expect(fresh).toEqual({ calls: ['register_account'], hashed: 1, mailSentAfter: 1 });
		expect(taken).toEqual(fresh);
	});
});
