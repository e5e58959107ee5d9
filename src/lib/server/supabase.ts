// supabase-js clients. Every data request of a page goes through `clientFor` (the user's own rights);
// the service-role client is only for what no user may do, each use named in src/lib/server/.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { config } from './config';
import { isUnavailable, markUnavailable } from './db-errors';
import { errorCode, observeStack } from './health/checks';
import { connectionLost } from './health/status';
import { userJwt } from './jwt';
import { fastFetch } from './fast-fetch';

const REQUEST_TIMEOUT_MS = 8000;
const RETRY_DELAY_MS = 150;

/**
 * A fetch that gives up instead of hanging when PostgREST or the database is gone, after one quick
 * retry where repeating is safe: a read, or a 503 that never reached the database (PostgREST could
 * not connect, PGRST000, or was loading its schema cache, PGRST002; the local gateway found
 * PostgREST not running) or a refused connection. A write whose connection broke after it was sent
 * (PostgREST's 400 without a code, a 502, a time-out) is not repeated: it may have been carried out,
 * and the request is marked "in doubt", so the person is told to look before sending it again.
 * supabase-js's own retry waits 1, 2 and 4 seconds, which turns an outage into a hanging page.
 * Every answer tells /healthz's log what it met, and a request that met an outage is marked, so its
 * form comes back with a 503 and the person's values (forms.ts).
 */
const resilientFetch: typeof fetch = async (input, init) => {
	const method = init?.method ?? 'GET';
	const attempt = async () => normalized(await fastFetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
	try {
		const response = await attempt();
		if (response.status !== 503 || !(await repeatable(response, method))) return observed(response, method);
		await response.body?.cancel();
	} catch (error) {
		if (!safeToRepeat(error, method)) throw unreachable(error, method);
	}
	await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
	try {
		return observed(await attempt(), method);
	} catch (error) {
		throw unreachable(error, method);
	}
};

/** Answers made up for a connection that broke under the request (see normalized). */
const brokenConnections = new WeakSet<Response>();

/**
 * PostgREST's 400 without an error code (its database connection broke under the request, see
 * connectionLost) becomes its own 503 for a database client error, PGRST001: an outage, not bad input.
 */
async function normalized(response: Response): Promise<Response> {
	if (response.status !== 400 || !connectionLost(400, await errorCode(response.clone()))) return response;
	await response.body?.cancel();
	const body = { code: 'PGRST001', message: 'Database connection lost', details: null, hint: null };
	const lost = new Response(JSON.stringify(body), { status: 503, headers: { 'content-type': 'application/json' } });
	brokenConnections.add(lost);
	return lost;
}

async function repeatable(response: Response, method: string): Promise<boolean> {
	if (idempotent(method)) return true;
	const code = await errorCode(response.clone());
	return code === null || code === 'PGRST000' || code === 'PGRST002';
}

function idempotent(method: string): boolean {
	return method === 'GET' || method === 'HEAD';
}

function refused(error: unknown): boolean {
	return ((error as { cause?: { code?: string } }).cause ?? {}).code === 'ECONNREFUSED';
}

function safeToRepeat(error: unknown, method: string): boolean {
	if ((error as Error).name === 'TimeoutError') return false;
	return refused(error) || idempotent(method);
}

async function observed(response: Response, method: string): Promise<Response> {
	if (!isUnavailable(response.status)) {
		if (response.status < 500) observeStack(response.status, null);
		return response;
	}
	observeStack(response.status, await errorCode(response.clone()));
	const broke = brokenConnections.has(response) || response.status === 502;
	markUnavailable(broke && !idempotent(method) ? 'in-doubt' : 'refused');
	return response;
}

function unreachable(error: unknown, method: string): unknown {
	observeStack(0, null);
	markUnavailable(refused(error) || idempotent(method) ? 'refused' : 'in-doubt');
	return error;
}

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	db: { retry: false },
	global: { fetch: resilientFetch }
};

/**
 * The client for a person's requests. Making a supabase-js client builds its auth, realtime and storage
 * parts too, which cost a logged-in page a twentieth of its server time; a client only carries its
 * JWT, so the one made for a token serves every request that sends that token (userJwt reuses a token
 * for a minute). The newest clients are kept, the oldest dropped first.
 */
export async function clientFor(user: { id: string; role: string } | null): Promise<SupabaseClient<Database>> {
	if (!user) return anonClient();
	const token = await userJwt(user.id, user.role);
	let client = userClients.get(token);
	if (client) return client;
	client = createClient<Database>(config.supabaseUrl, config.anonKey, {
		...options,
		global: { ...options.global, headers: { Authorization: `Bearer ${token}` } }
	});
	if (userClients.size >= USER_CLIENTS_KEPT) userClients.delete(userClients.keys().next().value!);
	userClients.set(token, client);
	return client;
}

const USER_CLIENTS_KEPT = 500;
const userClients = new Map<string, SupabaseClient<Database>>();

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
