// supabase-js clients. Every data request of a page goes through `clientFor` (the user's own rights);
// the service-role client is only for what no user may do, each use named in src/lib/server/.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { config } from './config';
import { userJwt } from './jwt';

const REQUEST_TIMEOUT_MS = 8000;
const RETRY_DELAY_MS = 150;

/**
 * A fetch that gives up instead of hanging when PostgREST or the database is gone, after one quick
 * retry: PostgREST answers 503 (or refuses the connection) only while it reconnects to the database,
 * which takes milliseconds; the request never reached the database, so repeating it is safe.
 * supabase-js's own retry waits 1, 2 and 4 seconds, which turns an outage into a hanging page.
 */
const resilientFetch: typeof fetch = async (input, init) => {
	const attempt = () => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
	try {
		const response = await attempt();
		if (response.status !== 503) return response;
	} catch (error) {
		if ((error as Error).name === 'TimeoutError') throw error;
	}
	await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
	return attempt();
};

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	db: { retry: false },
	global: { fetch: resilientFetch }
};

export async function clientFor(user: { id: string; role: string } | null): Promise<SupabaseClient<Database>> {
	if (!user) return anonClient();
	const token = await userJwt(user.id, user.role);
	return createClient<Database>(config.supabaseUrl, config.anonKey, {
		...options,
		global: { ...options.global, headers: { Authorization: `Bearer ${token}` } }
	});
}

let anon: SupabaseClient<Database> | null = null;
function anonClient(): SupabaseClient<Database> {
	anon ??= createClient<Database>(config.supabaseUrl, config.anonKey, options);
	return anon;
}

let service: SupabaseClient<Database> | null = null;
/** Bypasses RLS. Only for sessions, accounts, the mail outbox and rate limits. */
export function serviceClient(): SupabaseClient<Database> {
	service ??= createClient<Database>(config.supabaseUrl, config.serviceRoleKey, options);
	return service;
}
