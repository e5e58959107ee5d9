import { redirect } from '@sveltejs/kit';
import { expandRule, MAX_DATES } from '$lib/repair-cafe/recurrence';
import { seriesSchema } from '$lib/repair-cafe/schema';
import { listBuurten } from '$lib/areas/areas.server';
import { formError, parseForm } from '$lib/server/forms';
import { geocode } from '$lib/server/geocoder';
import { messageKeyFor } from '$lib/server/db-errors';
import { ruleLabel } from '$lib/repair-cafe/rule-labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ buurten: await listBuurten(locals.supabase) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, seriesSchema);
		if ('failure' in parsed) return parsed.failure;
		const s = parsed.data;
		const values = {
			name: s.name, venue: s.venue, postcode: s.postcode, huisnummer: String(s.huisnummer), toevoeging: s.toevoeging,
			buurtCode: s.buurtCode, description: s.description, weekday: String(s.weekday), ordinal: s.ordinal,
			from: s.from, until: s.until, except: s.except.join('\n'), start: s.start, end: s.end, capacity: String(s.capacity)
		};
		const dates = expandRule({ weekday: s.weekday, ordinal: s.ordinal, from: s.from, until: s.until, except: s.except });
		if (dates.length === 0) return formError('err_repair_no_dates', 'until', values);
		if (dates.length > MAX_DATES) return formError('err_repair_too_many_dates', 'until', values);
		const found = await geocode(s.postcode, s.huisnummer, s.toevoeging);
		if ('error' in found) {
			return found.error === 'not_found' ? formError('err_address_unknown', 'postcode', values) : formError('err_geocoder_unavailable', '_form', values);
		}
		const a = found.address;
		const { data, error, status } = await locals.supabase.rpc('create_repair_cafe_series', {
			p_buurt_code: s.buurtCode,
			p_name: s.name,
			p_venue: s.venue,
			p_address: `${a.street} ${a.huisnummer}${a.toevoeging}, ${a.city}`,
			p_lat: a.lat,
			p_lng: a.lng,
			p_description: s.description,
			p_rule: ruleLabel(s.weekday, s.ordinal, s.start, s.end),
			p_dates: dates,
			p_start: s.start,
			p_end: s.end,
			p_capacity: s.capacity
		});
		if (error) return formError(messageKeyFor(error, status), '_form', values);
		redirect(303, `/repair-cafe/${data}/beheer`);
	}
};
