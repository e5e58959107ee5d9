// Turns what supabase-js reports into what a visitor should see: a 503 when the stack is down
// (status 0: the request never got an answer; 502/503/504: PostgREST lost its database).
import { error, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { hasMessage } from './i18n';

export interface DbResult {
	data: unknown;
	error: { message: string; code?: string } | null;
	status: number;
}

export const RETRY_AFTER_SECONDS = 10;

export function isUnavailable(status: number): boolean {
	return status === 0 || status === 502 || status === 503 || status === 504;
}

/**
 * What an outage did to a request's writes: `refused`, nothing was carried out; `in-doubt`, a write's
 * connection broke after it was sent (during its commit, perhaps), so it may have been saved.
 */
export type Outage = 'refused' | 'in-doubt';

// Keyed by `locals`: the one object every copy of a request's event shares (SvelteKit hands load
// functions and actions their own copies of the event).
const outages = new WeakMap<App.Locals, Outage>();

/** The request being handled now, if any (background work has none). */
export function currentEvent(): RequestEvent | null {
	try {
		return getRequestEvent();
	} catch {
		return null;
	}
}

/** Marks the current request as one that found PostgREST or the database unreachable. */
export function markUnavailable(outage: Outage = 'refused'): void {
	const event = currentEvent();
	if (event && outages.get(event.locals) !== 'in-doubt') outages.set(event.locals, outage);
}

/** What the current request met: an outage that refused it, one that left a write in doubt, or none. */
export function requestOutage(event = currentEvent()): Outage | null {
	return (event && outages.get(event.locals)) ?? null;
}

/** Returns the data of the successful response, or throws the error page a user should see. */
export function must<R extends DbResult>(result: R, what: string): Extract<R, { error: null }>['data'] {
	if (result.error) {
		// The outage itself is logged once, when it starts and ends (health/checks.ts), not per request.
		if (isUnavailable(result.status)) error(503, { message: 'unavailable', retryAfter: RETRY_AFTER_SECONDS });
		console.error(`[db] ${what}: ${result.status} ${result.error.code ?? ''} ${result.error.message}`);
		error(500, { message: 'database' });
	}
	return result.data as Extract<R, { error: null }>['data'];
}

export interface DbRefusal {
	code?: string;
	hint?: string | null;
	message: string;
}

/**
 * The message key for a write the database refused, for the person who tried it. A function that
 * refuses for a reason a person should read raises with `hint` set to that reason (`repair_full`),
 * and `err_<hint>` is its message. Otherwise the SQLSTATE decides: `byCode` first (what a unique
 * violation means differs per form), then the meanings every capability shares.
 */
export function messageKeyFor(error: DbRefusal, status: number, byCode: Record<string, string> = {}): string {
	if (isUnavailable(status)) return 'err_unavailable_retry';
	if (error.hint && hasMessage(`err_${error.hint}`)) return `err_${error.hint}`;
	if (error.code && byCode[error.code]) return byCode[error.code];
	if (error.code === '42501') return 'err_not_allowed';
	if (error.code === 'P0002') return 'err_not_found';
	console.error(`[db] ${status} ${error.code ?? ''} ${error.message}`);
	return 'err_save_failed';
}
