// Short-lived JWTs that carry a user's identity into Postgres: PostgREST verifies the signature,
// switches to the role `authenticated`, and RLS reads `sub` through app.uid().
import { SignJWT } from 'jose';
import { config } from './config';

const LIFETIME_SECONDS = 120;

let key: Uint8Array | null = null;
const cache = new Map<string, { token: string; expires: number }>();

export async function userJwt(userId: string, appRole: string): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	const cacheKey = `${userId}:${appRole}`;
	const hit = cache.get(cacheKey);
	// Reuse a token while it has most of its life left: signing on every request costs throughput.
	if (hit && hit.expires - now > LIFETIME_SECONDS / 2) return hit.token;
	key ??= new TextEncoder().encode(config.jwtSecret);
	const token = await new SignJWT({ role: 'authenticated', app_role: appRole })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(userId)
		.setIssuedAt(now)
		.setExpirationTime(now + LIFETIME_SECONDS)
		.sign(key);
	if (cache.size > 10_000) cache.clear();
	cache.set(cacheKey, { token, expires: now + LIFETIME_SECONDS });
	return token;
}
