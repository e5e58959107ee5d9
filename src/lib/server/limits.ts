import { error } from '@sveltejs/kit';

/** Answers 429; the handle hook turns locals.retryAfter into the Retry-After header. */
export function tooManyAttempts(locals: App.Locals, seconds: number): never {
	locals.retryAfter = seconds;
	error(429, { message: 'rate_limited', retryAfter: seconds });
}
