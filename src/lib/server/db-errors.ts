// Turns what supabase-js reports into what a visitor should see: a 503 when the stack is down
// (status 0: the request never got an answer; 502/503/504: PostgREST lost its database).
import { error } from '@sveltejs/kit';

export interface DbResult {
	data: unknown;
	error: { message: string; code?: string } | null;
	status: number;
}

export const RETRY_AFTER_SECONDS = 10;

export function isUnavailable(status: number): boolean {
	return status === 0 || status === 502 || status === 503 || status === 504;
}

/** Returns the data of the successful response, or throws the error page a user should see. */
export function must<R extends DbResult>(result: R, what: string): Extract<R, { error: null }>['data'] {
	if (result.error) {
		if (isUnavailable(result.status)) {
			console.error(`[db] ${what}: database unreachable (${result.status}: ${result.error.message})`);
			error(503, { message: 'unavailable', retryAfter: RETRY_AFTER_SECONDS });
		}
		console.error(`[db] ${what}: ${result.status} ${result.error.code ?? ''} ${result.error.message}`);
		error(500, { message: 'database' });
	}
	return result.data as Extract<R, { error: null }>['data'];
}
