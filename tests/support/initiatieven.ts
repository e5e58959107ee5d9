// Helpers for the initiatieven tests: make an initiative as a resident through the same function the
// site calls, and move it through moderation as a worker.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';

type Db = SupabaseClient<Database>;

export const validInitiatief = {
	p_title: 'Samen bloembakken maken',
	p_body: 'We timmeren bloembakken voor de galerij en zetten er planten in, zodat de flat vrolijker wordt.',
	p_themes: ['leefbaarheid', 'sociale_cohesie'],
	p_buurt_code: 'BU01930601', // Holtenbroek I: the wijk of workerZwolle
	p_lat: 52.532,
	p_lng: 6.0925,
	p_needs: ['handen', 'geld'],
	p_hands_count: 4,
	p_materials: '',
	p_space: '',
	p_money_amount: 150,
	p_starts_on: null as unknown as string,
	p_when_text: 'In het voorjaar',
	p_submit: false
};

export async function createInitiatief(db: Db, overrides: Partial<typeof validInitiatief> = {}): Promise<string> {
	const { data, error } = await db.rpc('save_initiatief', { ...validInitiatief, p_id: null as unknown as string, ...overrides });
	if (error) throw new Error(`save_initiatief: ${error.message}`);
	return data as string;
}

export async function submitted(db: Db, overrides: Partial<typeof validInitiatief> = {}): Promise<string> {
	return createInitiatief(db, { ...overrides, p_submit: true });
}

export async function published(author: Db, worker: Db, overrides: Partial<typeof validInitiatief> = {}): Promise<string> {
	const id = await submitted(author, overrides);
	const { error } = await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' });
	if (error) throw new Error(`publish: ${error.message}`);
	return id;
}
