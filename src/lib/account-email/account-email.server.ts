// Changing the e-mail address and logging in with a code, on the one-time tokens of the account flows
// (auth_tokens: only hashes stored, used once, with an expiry). These run with the service role, as
// the other account flows do: they act on secrets no user may read.
import { createHmac, randomInt } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { must } from '$lib/server/db-errors';
import { nudgeJobs } from '$lib/server/jobs/site';
import { serviceClient } from '$lib/server/supabase';
import { verifyPassword } from '$lib/server/auth/password';
import { bufferToBytea, randomId, sha256 } from '$lib/server/auth/tokens';
import { maskEmail } from './mask';

export const CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const CODE_TTL_MS = 15 * 60 * 1000;
/** Wrong codes after which a code is used up. */
export const CODE_MAX_ATTEMPTS = 3;

/**
 * The code's hash at rest: an HMAC keyed from the JWT secret and bound to the address. A plain hash of
 * six digits would be undone by trying all million; without the key, a copy of the table does not help.
 */
export function codeHash(email: string, code: string): string {
	const key = createHmac('sha256', config.jwtSecret).update('buurtplein/login-code/v1').digest();
	return bufferToBytea(createHmac('sha256', key).update(`${email.toLowerCase()}\n${code}`).digest());
}

export function newCode(): string {
	return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

// ---------------------------------------------------------------------------------------------------
// Changing the e-mail address

export type ChangeResult = 'ok' | 'wrong_password' | 'same';

/**
 * Checks the password, then writes in one call the token and the link to the new address (or, when the
 * address has an account already, a mail to it saying someone tried) and the notice to the old address.
 * The person gets the same answer either way.
 */
export async function requestEmailChange(userId: string, newEmail: string, password: string, origin: string): Promise<ChangeResult> {
	const user = must(
		await serviceClient().from('users').select('email, password_hash, profiles(display_name)').eq('id', userId).single(),
		'read account'
	);
	if (!(await verifyPassword(user.password_hash, password))) return 'wrong_password';
	if (user.email === newEmail) return 'same';
	const name = (user.profiles as unknown as { display_name: string } | null)?.display_name ?? '';
	const token = randomId(32);
	const masked = maskEmail(newEmail);
	const result = await serviceClient().rpc('request_email_change', {
		p_user: userId,
		p_new_email: newEmail,
		p_token_hash: bufferToBytea(sha256(token)),
		p_expires_at: new Date(Date.now() + CHANGE_TTL_MS).toISOString(),
		p_verify_subject: m.mail_email_change_verify_subject(),
		p_verify_body: m.mail_email_change_verify_body({ name, url: `${origin}/e-mail-wijzigen?token=${token}` }),
		p_requested_subject: m.mail_email_change_requested_subject(),
		p_requested_body: m.mail_email_change_requested_body({ name, masked, url: `${origin}/wachtwoord-vergeten` }),
		p_taken_subject: m.mail_email_change_taken_subject(),
		p_taken_body: m.mail_email_change_taken_body({ url: `${origin}/inloggen` })
	});
	const outcome = must(result, 'request e-mail change');
	nudgeJobs();
	return outcome === 'same' ? 'same' : 'ok';
}

/** Whether a change link can still be used (for the page that asks to press the button). */
export async function pendingEmailChange(token: string): Promise<{ userId: string; oldEmail: string; newEmail: string } | null> {
	const rows = must(await serviceClient().rpc('pending_email_change', { p_token_hash: bufferToBytea(sha256(token)) }), 'read e-mail change');
	const row = rows?.[0];
	return row ? { userId: row.user_id, oldEmail: row.old_email, newEmail: row.new_email } : null;
}

/**
 * Uses the link: the address changes, every session but `keepSession` ends and the old address is
 * told, in one transaction. False when the link is unknown, used, expired or the address was taken.
 */
export async function confirmEmailChange(token: string, keepSession: string | null): Promise<boolean> {
	const pending = await pendingEmailChange(token);
	if (!pending) return false;
	const profile = must(await serviceClient().from('profiles').select('display_name').eq('id', pending.userId).maybeSingle(), 'read profile');
	const ok = must(
		await serviceClient().rpc('confirm_email_change', {
			p_token_hash: bufferToBytea(sha256(token)),
			p_keep_session: keepSession ?? '',
			p_done_subject: m.mail_email_change_done_subject(),
			p_done_body: m.mail_email_change_done_body({ name: profile?.display_name ?? '', masked: maskEmail(pending.newEmail), old: pending.oldEmail })
		}),
		'confirm e-mail change'
	);
	if (ok) nudgeJobs();
	return ok === true;
}

// ---------------------------------------------------------------------------------------------------
// Logging in with a code

/**
 * The same work whether or not the address has an account: the code, the link's token and the mail
 * are prepared first; one database call writes them only for a known address. Called after answering.
 */
export async function requestLoginCode(email: string, origin: string, redirectTo: string | null): Promise<void> {
	const code = newCode();
	const token = randomId(32);
	const back = redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : '';
	const mailId = must(
		await serviceClient().rpc('request_login_code', {
			p_email: email,
			p_token_hash: bufferToBytea(sha256(token)),
			p_code_hash: codeHash(email, code),
			p_expires_at: new Date(Date.now() + CODE_TTL_MS).toISOString(),
			p_subject: m.mail_login_code_subject({ code }),
			p_body: m.mail_login_code_body({ code, url: `${origin}/inloggen/code?token=${token}${back}` })
		}),
		'request log-in code'
	);
	if (mailId) nudgeJobs();
}

/** The user the code logs in, or null (wrong, used, expired, too many tries, or no such account). */
export async function useLoginCode(email: string, code: string): Promise<string | null> {
	const result = await serviceClient().rpc('use_login_code', { p_email: email, p_code_hash: codeHash(email, code), p_max_attempts: CODE_MAX_ATTEMPTS });
	return must(result, 'use log-in code') ?? null;
}

export async function useLoginLink(token: string): Promise<string | null> {
	const result = await serviceClient().rpc('use_login_link', { p_token_hash: bufferToBytea(sha256(token)) });
	return must(result, 'use log-in link') ?? null;
}
