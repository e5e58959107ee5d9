// supabase-js clients. Every data request of a page goes through `clientFor` (the user's own rights);
// the service-role client is only for what no user may do, each use named in src/lib/server/.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { config } from './config';
import { userJwt } from './jwt';

const REQUEST_TIMEOUT_MS = 8000;

/** A fetch that gives up instead of hanging when PostgREST or the database is gone. */
const fetchWithTimeout: typeof fetch = (input, init) =>
	fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	global: { fetch: fetchWithTimeout }
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
