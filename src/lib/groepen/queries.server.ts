// Reading groups through the user's own client (RLS decides what they see), and writing them through
// the database functions, with the database's refusals turned into messages a person understands.
import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { isStaff } from '$lib/account/roles';
import type { Database, Tables } from '$lib/database.types';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, type FormFailure } from '$lib/server/forms';
import { LIST_PAGE_SIZE } from './codes';
import { areaLists } from '$lib/areas/areas.server';
import { filterByArea } from '$lib/areas/filter';
import type { GroepInput, ListFilter } from './schema';
import { paged } from '$lib/paging';

type Db = SupabaseClient<Database>;

/** The published groups matching the filters, one page, newest first. */
export async function listPublished(supabase: Db, f: ListFilter, pageSize = LIST_PAGE_SIZE) {
	let query = supabase
		.from('groepen')
		.select('id, name, summary, kind, themes, stage, join_mode, visibility, member_count, buurten(naam), wijken(naam), fotos(id, alt, width, height, widths, hash)', { count: 'estimated' })
		.eq('status', 'gepubliceerd');
	if (f.q) query = query.textSearch('search', f.q, { config: 'dutch', type: 'websearch' });
	if (f.soort) query = query.eq('kind', f.soort);
	if (f.thema) query = query.contains('themes', [f.thema]);
	const result = await filterByArea(query, f)
		.order('published_at', { ascending: false })
		.order('id')
		.range((f.pagina - 1) * pageSize, f.pagina * pageSize - 1);
	// A page past the end answers 416 from PostgREST; show it as an empty page instead.
	const rows = result.status === 416 ? [] : must(result, 'groepen list');
	return {
		...paged(result.count, f.pagina, pageSize, rows.length),
		// A card shows no more than this: a page's data is written into its HTML (issue 15).
		rows: rows.map(({ buurten, wijken, ...card }) => ({ ...card, area: placeName({ buurten, wijken }) }))
	};
}

/** "Buurt" for a group of one buurt, "wijk X" for a group of a whole wijk. */
export function placeName(row: { buurten: unknown; wijken: unknown }): string {
	return (row.buurten as { naam: string } | null)?.naam ?? (row.wijken as { naam: string } | null)?.naam ?? '';
}

export type Groep = Tables<'groepen'> & { buurt: string | null; wijk: string; gemeente: string; facilitatorName: string | null; claimerName: string | null };

export interface Viewer {
	/** Logged in. */
	user: boolean;
	member: boolean;
	role: 'trekker' | 'lid' | null;
	/** Trekker, or the facilitator while the group is not zelfstandig. */
	leads: boolean;
	facilitator: boolean;
	/** Member or facilitator: reads the board, minutes and attendance. */
	insider: boolean;
	/** A worker of the group's wijk (or its coordinator, an admin). */
	worker: boolean;
	/** Proposed it. */
	proposer: boolean;
}

const GROEP = '*, buurten(naam), wijken(naam, gemeenten(naam))';
const GROEP_WITH_NAMES = `${GROEP}, facilitator:profile_names!groepen_facilitator_id_fkey(display_name), claimer:profile_names!groepen_claimed_by_fkey(display_name)` as typeof GROEP;

/**
 * The group and what the current user is to it, for every page of a group. A group this user may not
 * read does not exist for them (404). The database checks every action again.
 */
export async function loadGroep(locals: App.Locals, id: string): Promise<{ groep: Groep; viewer: Viewer }> {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not found' });
	const db = locals.supabase;
	const user = locals.user;
	const [found, membership] = await Promise.all([
		// Names come from profile_names (staff names), which only logged-in users may read.
		db.from('groepen').select(user ? GROEP_WITH_NAMES : GROEP).eq('id', id).maybeSingle(),
		user ? db.from('groep_leden').select('role').eq('groep_id', id).eq('user_id', user.id).maybeSingle() : null
	]);
	const row = must(found, 'groep');
	if (!row) error(404, { message: 'not found' });
	const worker = user && isStaff(user.role) ? await db.rpc('works_in_wijk', { p_wijk: row.wijk_code }) : null;
	const me = membership ? must(membership, 'membership') : null;
	const wijk = row.wijken as unknown as { naam: string; gemeenten: { naam: string } };
	const facilitator = !!user && row.facilitator_id === user.id;
	const role = (me?.role as Viewer['role']) ?? null;
	const named = row as unknown as Record<'facilitator' | 'claimer', { display_name: string } | null | undefined>;
	const groep = {
		...row,
		buurt: (row.buurten as { naam: string } | null)?.naam ?? null,
		wijk: wijk.naam,
		gemeente: wijk.gemeenten.naam,
		facilitatorName: named.facilitator?.display_name ?? null,
		claimerName: named.claimer?.display_name ?? null
	};
	return {
		groep: groep as unknown as Groep,
		viewer: {
			user: !!user,
			member: !!me,
			role,
			leads: role === 'trekker' || (facilitator && row.stage !== 'zelfstandig'),
			facilitator,
			insider: !!me || facilitator,
			worker: worker ? worker.data === true : false,
			proposer: !!user && row.created_by === user.id
		}
	};
}

/** Tags a failure with the form it belongs to, so the page shows it beside that form only. */
export function scoped(form: string, failure: ActionFailure<FormFailure>) {
	return fail(failure.status, { ...failure.data, form });
}

// What the group functions' refusals mean to the person who tried, where no hint says it.
const refusals = { '55000': 'groep_err_illegal_move', '23505': 'groep_err_twice' };

// Which field a refusal belongs to, by its reason.
const fieldOfHint: Record<string, string> = {
	groep_answer: 'answer',
	groep_reason: 'reason',
	groep_meeting_past: 'day',
	groep_actiepunt_owner: 'actiepunten',
	groep_actiepunt_due: 'actiepunten',
	groep_invite_unknown: 'email',
	groep_question: 'joinQuestion',
	groep_ronde: 'kind',
	groep_repeat: 'repeat',
	groep_area: 'area'
};

/**
 * Calls a group function as the current user; null when it succeeded, else the failure for the form
 * (the message on the field its reason belongs to).
 */
export async function callGroep(event: RequestEvent, form: string, fn: string, args: Record<string, unknown>, field = '_form') {
	const { data, error: err, status } = await event.locals.supabase.rpc(fn as never, args as never);
	if (!err) return { data: data as unknown };
	const hint = (err as { hint?: string | null }).hint ?? '';
	return { failure: scoped(form, formError(messageKeyFor(err, status, refusals), fieldOfHint[hint] ?? field)) };
}

export function needsLogin(event: RequestEvent, form: string) {
	return event.locals.user ? null : scoped(form, formError('groep_err_login'));
}

/** Wijken with their buurten, for the one "buurt or whole wijk" select of the group form. */
export async function groepAreas(supabase: Db) {
	const { gemeenten, wijken, buurten } = await areaLists(supabase);
	const gemeente = new Map(gemeenten.map((g) => [g.code, g.naam]));
	return wijken
		.map((w) => ({ code: w.code, naam: w.naam, gemeente: gemeente.get(w.gemeente_code) ?? '', buurten: buurten.filter((b) => b.wijk_code === w.code) }))
		.sort((a, b) => a.gemeente.localeCompare(b.gemeente) || a.naam.localeCompare(b.naam));
}

/** The arguments of start_groep and update_groep from the group form. */
export function groepArgs(v: GroepInput) {
	return {
		p_name: v.name,
		p_purpose: v.purpose,
		p_kind: v.kind,
		p_themes: v.themes,
		p_buurt_code: v.buurtCode as string,
		p_wijk_code: v.wijkCode as string,
		p_join_mode: v.joinMode,
		p_join_question: v.joinQuestion,
		p_visibility: v.visibility
	};
}
