// Data access for signals, partners and the agenda, through the user's own client: RLS decides what
// each person reads, the functions in the database decide what they may change.
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, type FormFailure } from '$lib/server/forms';

type Db = SupabaseClient<Database>;

/** Tags a failure with the form it belongs to, so the page shows it beside that form only. */
export function scoped(form: string, failure: ActionFailure<FormFailure>) {
	return fail(failure.status, { ...failure.data, form });
}

// Which field a refusal belongs to, by its reason.
const fieldOfHint: Record<string, string> = {
	signaal_date: 'observedOn',
	signaal_link: 'initiatiefId',
	partner_email_taken: 'email',
	agenda_answer_needed: 'answer',
	agenda_other_gemeente: 'organisatieId',
	agenda_one_wijk: 'signalen',
	agenda_signalen_count: 'signalen'
};

/** A database refusal as the message beside the form (and field) it belongs to. */
export function refused(form: string, err: { code?: string; hint?: string | null; message: string }, status: number, field = '_form') {
	return scoped(form, formError(messageKeyFor(err, status, { '23505': 'err_partner_email_taken' }), fieldOfHint[err.hint ?? ''] ?? field));
}

/** The partner organisations of the gemeenten the user works in, by name. */
export async function partnersFor(supabase: Db) {
	return must(await supabase.from('partner_organisaties').select('id, name, kind, gemeente_code').order('name'), 'partners');
}

export interface AgendaItem {
	id: string;
	question: string;
	status: string;
	answer: string;
	wijk_code: string;
	created_at: string;
	in_behandeling_at: string | null;
	beantwoord_at: string | null;
	afgesloten_at: string | null;
	partner: string;
	wijk: string;
	signalen: { id: string; body: string; theme: string; observed_on: string; buurt: string }[];
}

/** One agenda item with its signals, as the reader may see it (null when they may not). */
export async function loadAgendaItem(supabase: Db, id: string): Promise<AgendaItem | null> {
	const item = must(
		await supabase
			.from('agenda_items')
			.select('id, question, status, answer, wijk_code, created_at, in_behandeling_at, beantwoord_at, afgesloten_at, partner_organisaties(name), wijken(naam), agenda_signalen(signalen(id, body, theme, observed_on, buurten(naam)))')
			.eq('id', id)
			.maybeSingle(),
		'agenda item'
	);
	if (!item) return null;
	const links = item.agenda_signalen as unknown as { signalen: { id: string; body: string; theme: string; observed_on: string; buurten: { naam: string } } | null }[];
	return {
		id: item.id,
		question: item.question,
		status: item.status,
		answer: item.answer,
		wijk_code: item.wijk_code,
		created_at: item.created_at,
		in_behandeling_at: item.in_behandeling_at,
		beantwoord_at: item.beantwoord_at,
		afgesloten_at: item.afgesloten_at,
		partner: (item.partner_organisaties as unknown as { name: string }).name,
		wijk: (item.wijken as unknown as { naam: string }).naam,
		signalen: links
			.flatMap((l) => (l.signalen ? [l.signalen] : []))
			.map((s) => ({ id: s.id, body: s.body, theme: s.theme, observed_on: s.observed_on, buurt: s.buurten.naam }))
			.sort((a, b) => b.observed_on.localeCompare(a.observed_on))
	};
}

/** A page number from the query string, 1 or more. */
export function pageNumber(url: URL): number {
	return Math.max(1, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1);
}

export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export type { RequestEvent };
