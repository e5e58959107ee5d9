// Sessions after Lucia's current guide (the `lucia` package is deprecated): the token is `id.secret`,
// the database stores SHA-256 of the secret, sessions end after inactivity or an absolute lifetime.
import type { Cookies } from '@sveltejs/kit';
import type { AppRole } from '$lib/account/roles';
import { must } from '../db-errors';
import { serviceClient } from '../supabase';
import { bufferToBytea, byteaToBuffer, constantTimeEqual, randomId, sha256 } from './tokens';

export const SESSION_COOKIE = 'session';
const INACTIVITY_MS = 7 * 24 * 60 * 60 * 1000;
const ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Writing last_active_at on every request would cost a write per page; once an hour is enough. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	emailVerified: boolean;
	displayName: string;
	role: AppRole;
	buurtCode: string;
	locale: string;
	/** The newest version of the house rules this person accepted (0: none). */
	huisregelsVersie: number;
	/** Unread notifications when the request began (the bell), read with the session. */
	unread: number;
}

export interface ValidSession {
	id: string;
	user: SessionUser;
}

export async function createSession(userId: string, userAgent: string): Promise<{ token: string; expiresAt: Date }> {
	const id = randomId(15);
	const secret = randomId(32);
	const now = Date.now();
	const expiresAt = new Date(now + ABSOLUTE_MS);
	const result = await serviceClient()
		.from('sessions')
		.insert({
			id,
			user_id: userId,
			secret_hash: bufferToBytea(sha256(secret)),
			expires_at: expiresAt.toISOString(),
			user_agent: userAgent.slice(0, 300)
		});
	must(result, 'create session');
	return { token: `${id}.${secret}`, expiresAt };
}

/** Returns the session and its user, or null when the token is unknown, wrong, expired or blocked. */
export async function validateSessionToken(token: string): Promise<ValidSession | null | 'unavailable'> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	// One flat row (session_lookup): through PostgREST's embedding the same read cost as much as a page's list.
	const { data, error, status } = await serviceClient().rpc('session_lookup', { p_id: id }, { get: true }).maybeSingle();
	if (error) return status === 0 || status >= 500 ? 'unavailable' : null;
	if (!data) return null;
	if (!constantTimeEqual(sha256(secret), byteaToBuffer(data.secret_hash as string))) return null;
	const now = Date.now();
	const lastActive = Date.parse(data.last_active_at);
	if (now >= Date.parse(data.expires_at) || now - lastActive >= INACTIVITY_MS || data.blocked_at || data.display_name === null) {
		await invalidateSession(id);
		return null;
	}
	if (now - lastActive >= ACTIVITY_WRITE_INTERVAL_MS) {
		await serviceClient().from('sessions').update({ last_active_at: new Date(now).toISOString() }).eq('id', id);
	}
	return {
		id,
		user: {
			id: data.user_id,
			email: data.email,
			emailVerified: data.email_verified_at !== null,
			displayName: data.display_name,
			role: data.role as AppRole,
			buurtCode: data.buurt_code,
			locale: data.locale,
			huisregelsVersie: Math.max(0, data.huisregels_versie ?? 0),
			// The bell's count comes with the session: one round trip less per page.
			unread: data.unread_count ?? 0
		}
	};
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await serviceClient().from('sessions').delete().eq('id', sessionId);
}

/** Ends every session of a user, or every one but `keep` (after a password change). */
export async function invalidateUserSessions(userId: string, keep?: string): Promise<void> {
	let query = serviceClient().from('sessions').delete().eq('user_id', userId);
	if (keep) query = query.neq('id', keep);
	must(await query, 'end sessions');
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
