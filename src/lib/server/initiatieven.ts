// Saving an initiative (new, or the author's own concept) through the one database function that
// writes it, with the database's refusals turned into messages a resident understands.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { initiatiefSchema } from '$lib/schemas/initiatief';
import { formError, parseForm } from './forms';

export const INITIATIEF_ARRAYS = ['themes', 'needs'];

export async function saveInitiatief(request: Request, supabase: SupabaseClient<Database>, id: string | null) {
	const parsed = await parseForm(request, initiatiefSchema, { arrays: INITIATIEF_ARRAYS });
	if ('failure' in parsed) return { failure: parsed.failure };
	const v = parsed.data;
	const { data, error } = await supabase.rpc('save_initiatief', {
		p_id: id as string,
		p_title: v.title,
		p_body: v.body,
		p_themes: v.themes,
		p_buurt_code: v.buurtCode,
		p_lat: v.lat as number,
		p_lng: v.lng as number,
		p_needs: v.needs,
		p_hands_count: v.needs.includes('handen') ? (v.handsCount as number) : (null as unknown as number),
		p_materials: v.needs.includes('materialen') ? v.materials : '',
		p_space: v.needs.includes('ruimte') ? v.space : '',
		p_money_amount: v.needs.includes('geld') ? (v.moneyAmount as number) : (null as unknown as number),
		p_starts_on: v.startsOn as string,
		p_when_text: v.whenText,
		p_submit: v.intent === 'indienen'
	});
	if (error?.code === '23503' || error?.code === '23502') return { failure: formError('err_buurt', 'buurtCode') };
	if (error?.code === '42501') return { failure: formError('err_not_allowed') };
	if (error?.code === '55000') return { failure: formError('initiative_err_locked') };
	if (error) {
		console.error(`[db] save_initiatief: ${error.code} ${error.message}`);
		return { failure: formError('err_save_failed') };
	}
	return { id: data as string, submitted: v.intent === 'indienen' };
}
