import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** The database as this request's user (or a visitor): PostgREST and RLS decide. */
			supabase: SupabaseClient<Database>;
			/** Seconds for the Retry-After header of a 429 or 503. */
			retryAfter?: number;
		}
		interface Error {
			message: string;
			retryAfter?: number;
		}
		interface PageData {
			user: Pick<SessionUser, 'id' | 'displayName' | 'role'> | null;
		}
	}
}

export {};
