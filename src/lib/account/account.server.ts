// Registration, log-in, e-mail verification and password reset. These run with the service role
// because they act before anyone is logged in, or on secrets no user may read (password hashes).
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { registerSchema } from './schema';
import { must } from '$lib/server/db-errors';
import { serviceClient } from '$lib/server/supabase';
import { queueMail } from '$lib/server/mail/outbox';
import { nudgeJobs } from '$lib/server/jobs/site';
import { DUMMY_HASH, hashPassword, verifyPassword } from '$lib/server/auth/password';
import { bufferToBytea, randomId, sha256 } from '$lib/server/auth/tokens';
import { HUISREGELS_VERSIE } from '$lib/huisregels/version';

const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;

async function issueToken(userId: string, kind: 'verify_email' | 'reset_password', ttlMs: number): Promise<string> {
	const token = randomId(32);
	const result = await serviceClient()
		.from('auth_tokens')
		.insert({
			token_hash: bufferToBytea(sha256(token)),
			user_id: userId,
			kind,
			expires_at: new Date(Date.now() + ttlMs).toISOString()
		});
	must(result, 'issue token');
	return token;
}

/**
 * Returns 'unknown_buurt' when the buurt does not exist; otherwise the same for new and known
 * addresses, in the same time: the password is hashed, the token and both mails are prepared before
 * anything is known, and one database call writes what applies (register_account).
 */
export async function register(input: z.infer<typeof registerSchema>, origin: string): Promise<'ok' | 'unknown_buurt'> {
	const passwordHash = await hashPassword(input.password);
	const token = randomId(32);
	const verify = { subject: m.mail_verify_subject(), text: m.mail_verify_body({ name: input.displayName, url: `${origin}/e-mail-bevestigen?token=${token}` }) };
	// The address has an account: tell its owner, not the visitor.
	const existing = { subject: m.mail_existing_subject(), text: m.mail_existing_body({ url: `${origin}/inloggen` }) };
	const result = await serviceClient().rpc('register_account', {
		p_email: input.email,
		p_password_hash: passwordHash,
		p_display_name: input.displayName,
		p_buurt_code: input.buurtCode,
		p_token_hash: bufferToBytea(sha256(token)),
		p_expires_at: new Date(Date.now() + VERIFY_TTL_MS).toISOString(),
		p_verify_subject: verify.subject,
		p_verify_body: verify.text,
		p_existing_subject: existing.subject,
		p_existing_body: existing.text,
		p_huisregels_versie: HUISREGELS_VERSIE
	});
	if (result.error?.code === '23503') return 'unknown_buurt';
	const mailId = must(result, 'register account');
	// Both paths wrote one mail; the job runner sends it after the answer either way.
	if (mailId) nudgeJobs();
	return 'ok';
}

/** Returns the user id when e-mail and password match an account that is not blocked. */
export async function checkCredentials(email: string, password: string): Promise<string | null> {
	const data = must(
		await serviceClient().from('users').select('id, password_hash, blocked_at').eq('email', email).maybeSingle(),
		'read account'
	);
	// Verify against a dummy hash when there is no account, so the answer takes as long either way.
	const valid = await verifyPassword(data?.password_hash ?? DUMMY_HASH, password);
	return data && valid && !data.blocked_at ? data.id : null;
}

/**
 * The same work whether or not the address has an account: the token and the mail are prepared, one
 * database call writes them only for a known address, and the mail is sent after the answer.
 */
export async function requestPasswordReset(email: string, origin: string): Promise<void> {
	const token = randomId(32);
	const mail = { subject: m.mail_reset_subject(), text: m.mail_reset_body({ url: `${origin}/wachtwoord-herstellen?token=${token}` }) };
	const mailId = must(
		await serviceClient().rpc('request_password_reset', {
			p_email: email,
			p_token_hash: bufferToBytea(sha256(token)),
			p_expires_at: new Date(Date.now() + RESET_TTL_MS).toISOString(),
			p_subject: mail.subject,
			p_body: mail.text
		}),
		'request password reset'
	);
	if (mailId) nudgeJobs();
}

export async function resetPassword(token: string, password: string): Promise<boolean> {
	const result = await serviceClient().rpc('reset_password', {
		p_token_hash: bufferToBytea(sha256(token)),
		p_password_hash: await hashPassword(password)
	});
	return must(result, 'reset password') === true;
}

export async function verifyEmail(token: string): Promise<boolean> {
	return must(await serviceClient().rpc('verify_email', { p_token_hash: bufferToBytea(sha256(token)) }), 'verify e-mail') === true;
}

export async function resendVerification(userId: string, email: string, name: string, origin: string): Promise<void> {
	const token = await issueToken(userId, 'verify_email', VERIFY_TTL_MS);
	await queueMail({
		to: email,
		kind: 'verify_email',
		subject: m.mail_verify_subject(),
		text: m.mail_verify_body({ name, url: `${origin}/e-mail-bevestigen?token=${token}` })
	});
}

/** Checks the current password, sets the new one and ends every other session, in one transaction. */
export async function changePassword(userId: string, current: string, next: string, keepSession: string): Promise<boolean> {
	const data = must(await serviceClient().from('users').select('password_hash').eq('id', userId).single(), 'read account');
	if (!(await verifyPassword(data.password_hash, current))) return false;
	const result = await serviceClient().rpc('set_password', {
		p_user: userId,
		p_password_hash: await hashPassword(next),
		p_keep_session: keepSession
	});
	must(result, 'change password');
	return true;
}
