// Helpers for the burenhulp tests: fresh residents (so blocks and matches never leak between tests)
// and posts written through PostgREST as their owner.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { asUser, service, uniqueEmail } from './clients.ts';
import type { TestEnv } from './env.ts';
import { HUISREGELS_VERSIE } from '../../src/lib/huisregels/version.ts';

/** The argon2 hash of DEMO_PASSWORD, as in supabase/seed.sql, so fresh residents can log in too. */
const DEMO_HASH = '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY';

export interface Resident {
	id: string;
	email: string;
	phone: string;
	db: SupabaseClient<Database>;
}

let phoneCounter = 0;

export async function newResident(env: TestEnv, name: string, buurtCode = 'BU01930601', tags: { interests?: string[]; talents?: string[]; availability?: string[] } = {}): Promise<Resident> {
	const admin = service(env);
	const email = uniqueEmail(name.toLowerCase().replace(/\W/g, ''));
	const { data: id, error } = await admin.rpc('create_account', { p_email: email, p_password_hash: DEMO_HASH, p_display_name: name, p_buurt_code: buurtCode });
	if (error || !id) throw new Error(`create_account: ${error?.message}`);
	phoneCounter += 1;
	const phone = `06 ${String(10_000_000 + phoneCounter * 7919).slice(0, 8)}`;
	await admin.from('users').update({ email_verified_at: new Date().toISOString() }).eq('id', id);
	// As registration does: a resident has accepted the current house rules (else pages ask first).
	await admin.from('huisregels_acceptaties').insert({ user_id: id, versie: HUISREGELS_VERSIE });
	await admin.from('profile_private').update({ phone, address: `Teststraat ${phoneCounter}` }).eq('user_id', id);
	if (tags.interests || tags.talents || tags.availability) {
		await admin.from('profiles').update({ interests: tags.interests ?? [], talents: tags.talents ?? [], availability: tags.availability ?? [] }).eq('id', id);
	}
	return { id, email, phone, db: await asUser(env, id) };
}

type PostInsert = Database['public']['Tables']['help_posts']['Insert'];

export async function post(db: SupabaseClient<Database>, fields: Partial<PostInsert> & Pick<PostInsert, 'kind'>): Promise<string> {
	const { data, error } = await db
		.from('help_posts')
		.insert({
			category: 'boodschappen',
			description: 'Hulp bij de wekelijkse boodschappen',
			when_kind: 'wekelijks',
			slots: ['di-middag'],
			buurt_code: 'BU01930601',
			...fields
		} as PostInsert)
		.select('id')
		.single();
	if (error || !data) throw new Error(`post: ${error?.message}`);
	return data.id;
}
