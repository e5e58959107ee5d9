// Fixed-window limits on log-in (with a password or a code), registration, password reset and e-mail change, counted in the database so that
// they hold across app instances. Per account and per address, answered with 429 and Retry-After.
import { error } from '@sveltejs/kit';
import { config } from '../config';
import { must } from '../db-errors';
import { serviceClient } from '../supabase';

export interface Limit {
	bucket: string;
	max: number;
	windowSeconds: number;
}

export const limits = {
	loginPerAccount: { bucket: 'login:account', max: 5, windowSeconds: 15 * 60 },
	loginPerAddress: { bucket: 'login:address', max: 30, windowSeconds: 15 * 60 },
	registerPerAccount: { bucket: 'register:account', max: 3, windowSeconds: 60 * 60 },
	registerPerAddress: { bucket: 'register:address', max: 10, windowSeconds: 60 * 60 },
	resetPerAccount: { bucket: 'reset:account', max: 3, windowSeconds: 60 * 60 },
	resetPerAddress: { bucket: 'reset:address', max: 10, windowSeconds: 60 * 60 },
	// Log-in codes asked for; typing one counts as a log-in attempt (loginPerAccount / loginPerAddress).
	loginCodePerAccount: { bucket: 'login_code:account', max: 3, windowSeconds: 15 * 60 },
	loginCodePerAddress: { bucket: 'login_code:address', max: 10, windowSeconds: 15 * 60 },
	emailChangePerAccount: { bucket: 'email_change:account', max: 5, windowSeconds: 60 * 60 }
} satisfies Record<string, Limit>;

/** Counts an attempt against each limit; returns seconds to wait (0 when allowed). */
export async function hit(...checks: [Limit, string][]): Promise<number> {
	if (config.rateLimitsOff) return 0;
	let wait = 0;
	for (const [limit, key] of checks) {
		const result = await serviceClient().rpc('rate_limit_hit', {
			p_bucket: limit.bucket,
			p_key: key.toLowerCase(),
			p_limit: limit.max,
			p_window_seconds: limit.windowSeconds
		});
		wait = Math.max(wait, must(result, 'rate limit') ?? 0);
	}
	return wait;
}

/** Answers 429; the handle hook turns locals.retryAfter into the Retry-After header. */
export function tooManyAttempts(locals: App.Locals, seconds: number): never {
	locals.retryAfter = seconds;
	error(429, { message: 'rate_limited', retryAfter: seconds });
}
