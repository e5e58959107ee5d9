// Clients the tests use: supabase-js exactly as the app builds it (anon key, or a short-lived JWT for
// a user), and a small HTTP client that posts forms to the site as a browser without JavaScript does.
import { createHash, randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import type { Database } from '../../src/lib/database.types.ts';
import type { TestEnv } from './env.ts';

/** Demo accounts from supabase/seed.sql. */
export const demo = {
	admin: '00000000-0000-4000-8000-000000000001',
	coordinatorZwolle: '00000000-0000-4000-8000-000000000002',
	coordinatorAlmere: '00000000-0000-4000-8000-000000000003',
	workerZwolle: '00000000-0000-4000-8000-000000000004', // Centrum and Holtenbroek
	workerAlmere: '00000000-0000-4000-8000-000000000005', // Almere Stad
	anna: '00000000-0000-4000-8000-000000000011', // Holtenbroek I, Zwolle
	bram: '00000000-0000-4000-8000-000000000012', // Holtenbroek II, Zwolle
	chantal: '00000000-0000-4000-8000-000000000013', // Frankhuis (Stadshagen), Zwolle
	emre: '00000000-0000-4000-8000-000000000014', // Almere Stad
	fatima: '00000000-0000-4000-8000-000000000015' // Stedenwijk, Almere
} as const;
export const DEMO_PASSWORD = 'buurtplein-demo';

const options = { auth: { persistSession: false, autoRefreshToken: false } };

export function anon(env: TestEnv): SupabaseClient<Database> {
	return createClient<Database>(env.supabaseUrl, env.anonKey, options);
}

export function service(env: TestEnv): SupabaseClient<Database> {
	return createClient<Database>(env.supabaseUrl, env.serviceRoleKey, options);
}

export async function signJwt(secret: string, claims: Record<string, unknown>, expiresInSeconds = 120): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT(claims)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(now)
		.setExpirationTime(now + expiresInSeconds)
		.sign(new TextEncoder().encode(secret));
}

/** The database as this user, with the same kind of token the app signs per request. */
export async function asUser(env: TestEnv, userId: string): Promise<SupabaseClient<Database>> {
	const token = await signJwt(env.jwtSecret, { role: 'authenticated', sub: userId });
	return createClient<Database>(env.supabaseUrl, env.anonKey, {
		...options,
		global: { headers: { Authorization: `Bearer ${token}` } }
	});
}

export interface PageResponse {
	status: number;
	location: string | null;
	headers: Headers;
	body: string;
	cookie: string | null;
}

let address = 1;
/** A fresh client address per call site, so per-address rate limits do not leak between tests. */
export function newAddress(): string {
	address += 1;
	return `10.1.${Math.floor(address / 250)}.${address % 250}`;
}

export class Browser {
	cookies = new Map<string, string>();
	readonly env: TestEnv;
	readonly address: string;

	// Plain fields, not parameter properties: the benchmarks run this file with Node's type stripping.
	constructor(env: TestEnv, address = newAddress(), locale: 'nl' | 'en' = 'nl') {
		this.env = env;
		this.address = address;
		this.cookies.set('PARAGLIDE_LOCALE', locale);
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return {
			accept: 'text/html',
			'x-forwarded-for': this.address,
			cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
			...extra
		};
	}

	private async handle(response: Response): Promise<PageResponse> {
		const setCookies = response.headers.getSetCookie();
		for (const line of setCookies) {
			const [pair] = line.split(';');
			const [name, value] = pair.split('=');
			if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return {
			status: response.status,
			location: response.headers.get('location'),
			headers: response.headers,
			body: await response.text(),
			cookie: setCookies.find((c) => c.startsWith('session=')) ?? null
		};
	}

	async get(path: string): Promise<PageResponse> {
		return this.handle(await fetch(this.env.appUrl + path, { headers: this.headers(), redirect: 'manual' }));
	}

	async post(path: string, fields: Record<string, string | string[]> | string, origin = this.env.appUrl): Promise<PageResponse> {
		const body = new URLSearchParams();
		if (typeof fields === 'string') {
			return this.handle(
				await fetch(this.env.appUrl + path, {
					method: 'POST',
					body: fields,
					headers: this.headers({ origin, 'content-type': 'application/x-www-form-urlencoded' }),
					redirect: 'manual'
				})
			);
		}
		for (const [key, value] of Object.entries(fields)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
		}
		return this.handle(
			await fetch(this.env.appUrl + path, {
				method: 'POST',
				body,
				headers: this.headers({ origin, 'content-type': 'application/x-www-form-urlencoded' }),
				redirect: 'manual'
			})
		);
	}

	async login(email: string, password = DEMO_PASSWORD): Promise<PageResponse> {
		const response = await this.post('/inloggen', { email, password });
		if (response.status !== 303) throw new Error(`login as ${email} failed with ${response.status}`);
		return response;
	}

	/**
	 * Signs in as a user without the log-in form, by writing a session as the site does (id.secret,
	 * SHA-256 of the secret stored). For tests about what a logged-in person can do: the form itself
	 * is tested in auth.test.ts, and log-ins are rate-limited per account across all test files.
	 */
	async signIn(userId: string): Promise<this> {
		this.cookies.set('session', await writeSession(this.env, userId));
		return this;
	}

	get sessionToken(): string | undefined {
		return this.cookies.get('session');
	}
}

/** A session for the user, written as the site writes one (id.secret, SHA-256 of the secret); its cookie value. */
export async function writeSession(env: TestEnv, userId: string): Promise<string> {
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(32).toString('base64url');
	const { error } = await service(env)
		.from('sessions')
		.insert({
			id,
			user_id: userId,
			secret_hash: `\\x${createHash('sha256').update(secret).digest('hex')}`,
			expires_at: new Date(Date.now() + 24 * 3600_000).toISOString(),
			user_agent: 'test'
		});
	if (error) throw new Error(`could not sign in ${userId}: ${error.message}`);
	return `${id}.${secret}`;
}

/**
 * The newest mail to an address, from the outbox (read with the service role, as developers do). With a
 * kind, waits up to 5 s for a mail of that kind: some are written after the response (a password reset).
 */
export async function lastMail(env: TestEnv, to: string, kind?: string): Promise<{ subject: string; body_text: string; kind: string } | null> {
	const deadline = Date.now() + 5000;
	for (;;) {
		let query = service(env).from('email_outbox').select('subject, body_text, kind').eq('to_address', to);
		if (kind) query = query.eq('kind', kind);
		const { data } = await query.order('id', { ascending: false }).limit(1).maybeSingle();
		if (data || !kind || Date.now() > deadline) return data;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export function tokenFrom(mailBody: string): string {
	const match = /token=([\w-]+)/.exec(mailBody);
	if (!match) throw new Error(`no token in mail: ${mailBody}`);
	return match[1];
}

/** Field error messages in a page, as a screen reader finds them: the text of each `.error`. */
export function fieldErrors(html: string): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const match of html.matchAll(/<p class="error" id="([\w-]+)-error"[^>]*>([^<]*)<\/p>/g)) errors[match[1]] = match[2];
	return errors;
}

export function formError(html: string): string | null {
	return /<div class="form-error"[^>]*>([^<]*)<\/div>/.exec(html)?.[1] ?? null;
}

let counter = 0;
export function uniqueEmail(prefix = 'test'): string {
	counter += 1;
	return `${prefix}.${process.pid}.${Date.now()}.${counter}@example.test`;
}
