// What waits for a worker on /werkplek, one function per section, each paged on its own. RLS decides
// what is in it (workers: their wijken; coordinators: their gemeente); the wijk list narrows it to
// the wijken the page is about, so an admin's werkplek is not the whole country at once.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';
import { paged, rangeOf, type Paged } from './paging';

type Db = SupabaseClient<Database>;
type One<T> = T | null;
const one = <T>(value: unknown) => value as One<T>;

export async function submittedInitiatieven(db: Db, me: string, page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('initiatieven')
		.select('id, title, submitted_at, wijk_code, claimed_by, buurten(naam), claimer:profiles!initiatieven_claimed_by_fkey(display_name)', { count: 'exact' })
		.eq('status', 'ingediend')
		.neq('author_id', me)
		.order('submitted_at')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'initiatieven queue');
	return paged(
		rows.map((i) => ({
			id: i.id, title: i.title, since: i.submitted_at, wijkCode: i.wijk_code,
			buurt: one<{ naam: string }>(i.buurten)?.naam ?? '',
			claimer: one<{ display_name: string }>(i.claimer)?.display_name ?? null
		})),
		result.count, page, 'initiatieven'
	);
}

export async function openReports(db: Db, me: string, page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('reports')
		.select('id, subject_type, subject_id, subject_label, reason, details, status, wijk_code, claimed_by, created_at, claimer:profiles!reports_claimed_by_fkey(display_name)', { count: 'exact' })
		.in('status', ['open', 'in_behandeling'])
		.neq('reporter_id', me)
		.order('created_at')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'reports queue');
	const notes = rows.length
		? must(
				await db
					.from('audit_log')
					.select('id, subject_id, reason, created_at, profiles(display_name)')
					.eq('subject_type', 'report')
					.eq('action', 'report_note')
					.in('subject_id', rows.map((r) => String(r.id)))
					.order('id'),
				'report notes'
			)
		: [];
	return paged(
		rows.map((r) => ({
			...r,
			claimer: one<{ display_name: string }>(r.claimer)?.display_name ?? null,
			notes: notes
				.filter((n) => n.subject_id === String(r.id))
				.map((n) => ({ id: n.id, reason: n.reason, by: one<{ display_name: string }>(n.profiles)?.display_name ?? '' }))
		})),
		result.count, page, 'meldingen'
	);
}

/** New stands, and approved stands whose household changed them, in the worker's wijken. */
export async function standsToReview(db: Db, wijken: string[], page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('rommelroute_stands')
		.select('id, street, postcode, huisnummer, toevoeging, status, created_at, pending_at, edition_id, rommelroute_editions!inner(title, wijk_code)', { count: 'exact' })
		.in('rommelroute_editions.wijk_code', wijken)
		.or('status.eq.aangemeld,pending_at.not.is.null')
		.order('created_at')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'stands to review');
	return paged(
		rows.map((s) => {
			const edition = one<{ title: string; wijk_code: string }>(s.rommelroute_editions);
			return {
				id: s.id, editionId: s.edition_id, edition: edition?.title ?? '', wijkCode: edition?.wijk_code ?? '',
				address: `${s.street || s.postcode} ${s.huisnummer}${s.toevoeging}`, changed: s.status === 'goedgekeurd' && !!s.pending_at,
				since: s.pending_at ?? s.created_at
			};
		}),
		result.count, page, 'kramen'
	);
}

/** Introductions marked as needing care, waiting for a worker of the wijk. */
export async function careApprovals(db: Db, wijken: string[], page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('help_matches')
		.select('id, created_at, wijk_code, request:help_posts!help_matches_request_id_fkey(first_name, category), offer:help_posts!help_matches_offer_id_fkey(first_name)', { count: 'exact' })
		.eq('needs_care', true)
		.is('care_approved_at', null)
		.eq('status', 'voorgesteld')
		.in('wijk_code', wijken)
		.order('created_at')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'care approvals');
	return paged(
		rows.map((c) => ({
			id: c.id, since: c.created_at, wijkCode: c.wijk_code,
			requestName: one<{ first_name: string }>(c.request)?.first_name ?? '',
			category: one<{ category: string }>(c.request)?.category ?? '',
			offerName: one<{ first_name: string }>(c.offer)?.first_name ?? ''
		})),
		result.count, page, 'zorg'
	);
}

/** Open help requests without a match; for a resident a worker filed for, their name and phone. */
export async function waitingRequests(db: Db, wijken: string[], page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('help_posts')
		.select('id, first_name, category, created_at, for_offline, wijk_code, buurten(naam), help_post_private(full_name, phone)', { count: 'exact' })
		.eq('kind', 'vraag')
		.eq('status', 'open')
		.in('wijk_code', wijken)
		.order('created_at')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'waiting requests');
	return paged(
		rows.map((p) => {
			const offline = p.for_offline ? one<{ full_name: string; phone: string }>(p.help_post_private) : null;
			return {
				id: p.id, since: p.created_at, wijkCode: p.wijk_code, category: p.category,
				name: offline?.full_name || p.first_name, phone: offline?.phone ?? '', offline: p.for_offline,
				buurt: one<{ naam: string }>(p.buurten)?.naam ?? ''
			};
		}),
		result.count, page, 'hulpvragen'
	);
}

/** The published initiatives this worker coaches, with their stage. */
export async function coachedInitiatieven(db: Db, me: string, page: number) {
	const [from, to] = rangeOf(page);
	const result = await db
		.from('initiatieven')
		.select('id, title, stage, wijk_code, buurten(naam)', { count: 'exact' })
		.eq('coach_id', me)
		.eq('status', 'gepubliceerd')
		.order('title')
		.range(from, to);
	const rows = result.status === 416 ? [] : must(result, 'coached initiatieven');
	return paged(
		rows.map((i) => ({ id: i.id, title: i.title, stage: i.stage, wijkCode: i.wijk_code, buurt: one<{ naam: string }>(i.buurten)?.naam ?? '' })),
		result.count, page, 'coaching'
	);
}

/** For a coordinator: the wijken of their gemeente that no opbouwwerker works in. */
export async function wijkenWithoutWorker(db: Db, wijken: { code: string; naam: string }[]) {
	if (wijken.length === 0) return [];
	const taken = must(await db.from('worker_wijken').select('wijk_code').in('wijk_code', wijken.map((w) => w.code)), 'worker wijken');
	const covered = new Set(taken.map((t) => t.wijk_code));
	return wijken.filter((w) => !covered.has(w.code));
}

export type { Paged };

/**
 * "Plekken om te plaatsen": initiatives and stands whose address PDOK did not know, or whose geocode
 * job gave up. Both lists page together on one parameter (ten of each per page).
 */
export async function placesToPlace(db: Db, wijken: string[], page: number) {
	const [from, to] = rangeOf(page);
	const [initiatieven, stands] = await Promise.all([
		db.from('initiatieven').select('id, title, address, wijk_code, updated_at', { count: 'exact' })
			.eq('place_status', 'plaatsen').in('wijk_code', wijken).order('updated_at').range(from, to),
		db.from('rommelroute_stands').select('id, postcode, huisnummer, toevoeging, created_at, rommelroute_editions!inner(title, wijk_code)', { count: 'exact' })
			.eq('place_status', 'plaatsen').in('rommelroute_editions.wijk_code', wijken).order('created_at').range(from, to)
	]);
	const iRows = initiatieven.status === 416 ? [] : must(initiatieven, 'initiatieven to place');
	const sRows = stands.status === 416 ? [] : must(stands, 'stands to place');
	const items = [
		...iRows.map((i) => ({ key: `i${i.id}`, href: `/werkplek/plekken/initiatief/${i.id}`, kind: 'initiatief' as const, title: i.title, address: i.address, wijkCode: i.wijk_code, since: i.updated_at })),
		...sRows.map((s) => {
			const edition = one<{ title: string; wijk_code: string }>(s.rommelroute_editions);
			return { key: `s${s.id}`, href: `/werkplek/plekken/kraam/${s.id}`, kind: 'kraam' as const, title: edition?.title ?? '', address: `${s.postcode} ${s.huisnummer}${s.toevoeging}`, wijkCode: edition?.wijk_code ?? '', since: s.created_at };
		})
	];
	const count = (initiatieven.count ?? 0) + (stands.count ?? 0);
	const section = paged(items, count, page, 'plekken');
	return { ...section, pages: Math.max(1, Math.ceil(Math.max(initiatieven.count ?? 0, stands.count ?? 0) / 10)) };
}
