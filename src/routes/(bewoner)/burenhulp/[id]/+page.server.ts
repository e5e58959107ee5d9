import { error, redirect } from '@sveltejs/kit';
import { rank, type Candidate } from '$lib/burenhulp/rank';
import { isStaff } from '$lib/account/roles';
import { proposeSchema, uuidField } from '$lib/burenhulp/schema';
import { reportAction } from '$lib/burenhulp/actions.server';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!uuidField.safeParse(params.id).success) error(404, { message: 'not_found' });
	const user = locals.user!;
	const [found, isMine] = await Promise.all([
		locals.supabase
			.from('help_posts')
			.select('id, kind, first_name, category, description, when_kind, on_date, slots, needs_care, status, created_at, buurten(naam)')
			.eq('id', params.id)
			.maybeSingle(),
		locals.supabase.rpc('help_post_is_mine', { p_post: params.id })
	]);
	const post = must(found, 'load help post');
	if (!post) error(404, { message: 'not_found' });
	const mine = must(isMine, 'post is mine') === true;
	// Workers of the wijk, the one who filed it included, read the name and phone of a resident who
	// was filed for (RLS decides).
	const offline = isStaff(user.role)
		? must(await locals.supabase.from('help_post_private').select('full_name, phone').eq('post_id', post.id).maybeSingle(), 'offline resident')
		: null;
	const base = { post: { ...post, buurt: (post.buurten as unknown as { naam: string }).naam }, mine, offline };
	if (!mine || post.status !== 'open') return { ...base, suggestions: [], matches: [] };

	const [profile, suggested, matches, retention] = await Promise.all([
		locals.supabase.from('profiles').select('interests, talents').eq('id', user.id).single(),
		locals.supabase.rpc('help_suggestions', { p_post: post.id, p_limit: 40 }),
		locals.supabase
			.from('my_help_matches')
			.select('id, status, proposed_by_me, created_at')
			.eq(post.kind === 'vraag' ? 'request_id' : 'offer_id', post.id)
			.in('status', ['voorgesteld', 'actief'])
			.order('created_at', { ascending: false }),
		locals.supabase.rpc('help_post_retention', { p_post: post.id }).maybeSingle()
	]);
	const me = must(profile, 'load own tags');
	const candidates: (Candidate & { firstName: string; description: string; buurt: string })[] = must(suggested, 'suggestions').map((c) => ({
		id: c.id,
		category: c.category,
		distanceM: c.distance_m,
		whenKind: c.when_kind as Candidate['whenKind'],
		onDate: c.on_date,
		slots: c.slots,
		interests: c.interests,
		talents: c.talents,
		firstName: c.first_name,
		description: c.description,
		buurt: c.buurt_naam
	}));
	const ranked = rank(
		{ category: post.category, whenKind: post.when_kind as Candidate['whenKind'], onDate: post.on_date, slots: post.slots, interests: me.interests, talents: me.talents },
		candidates
	).slice(0, 10);
	// The page gets what it shows: not the interests behind the ranking.
	const suggestions = ranked.map(({ candidate: { interests: _i, talents: _t, ...shown }, reasons }) => ({ candidate: shown, reasons }));
	// A view's columns are typed nullable; these never are.
	const ownMatches = must(matches, 'post matches').map((match) => ({ id: match.id!, status: match.status!, proposedByMe: !!match.proposed_by_me }));
	// Warned for three months without activity, and nothing since: it closes 14 days after the warning
	// (retention_help_posts) unless the owner keeps it open.
	const quiet = must(retention, 'post retention');
	const closesOn = quiet?.inactive_warned_at && quiet.inactive_warned_at >= quiet.last_activity_at
		? new Date(Date.parse(quiet.inactive_warned_at) + 14 * 86_400_000).toISOString()
		: null;
	return { ...base, suggestions, matches: ownMatches, closesOn };
};

export const actions: Actions = {
	propose: async ({ request, locals }) => {
		const parsed = await parseForm(request, proposeSchema);
		if ('failure' in parsed) return parsed.failure;
		const { data, error: err, status } = await locals.supabase.rpc('help_propose', { p_own_post: parsed.data.ownPost, p_other_post: parsed.data.otherPost });
		if (err) return formError(messageKeyFor(err, status, { '23505': 'help_err_already_proposed', '23514': 'help_err_not_open' }));
		if (!data) return formError('err_save_failed');
		redirect(303, `/burenhulp/match/${data}`);
	},
	withdraw: async ({ params, locals }) => {
		const { error: err } = await locals.supabase.rpc('help_withdraw', { p_post: params.id });
		if (err?.code === '42501') return formError('err_not_allowed');
		if (err) return formError('err_save_failed');
		redirect(303, '/burenhulp?ingetrokken=1');
	},
	keepOpen: async ({ params, locals }) => {
		if (!uuidField.safeParse(params.id).success) return formError('err_invalid');
		const { error: err } = await locals.supabase.rpc('help_keep_open', { p_post: params.id });
		if (err) return formError(err.code === '42501' ? 'err_not_allowed' : 'err_save_failed');
		return { keptOpen: true };
	},
	report: reportAction,
	// The author of a post is not known to the page; the database blocks them by the post.
	block: async ({ params, locals }) => {
		if (!uuidField.safeParse(params.id).success) return formError('err_invalid');
		const { error: err } = await locals.supabase.rpc('help_block_author', { p_post: params.id });
		if (err) return formError(err.code === '42501' ? 'err_not_allowed' : 'err_save_failed');
		redirect(303, '/burenhulp?geblokkeerd=1');
	}
};
