// E-mail preferences per kind of notification, and the personal calendar feed.
import { isStaff } from '$lib/account/roles';
import { emailModes, kindGroups, partnerOnlyKinds, staffOnlyKinds, type EmailMode, type NotificationKind } from '$lib/meldingen/codes';
import { preferencesSchema } from '$lib/meldingen/schema';
import { bufferToBytea, randomId, sha256 } from '$lib/server/auth/tokens';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [kinds, prefs, feed] = await Promise.all([
		locals.supabase.from('notification_kinds').select('kind, default_email'),
		locals.supabase.from('notification_preferences').select('kind, email'),
		locals.supabase.from('calendar_feeds').select('created_at').maybeSingle()
	]);
	const chosen = new Map<string, string>(must(kinds, 'notification kinds').map((k) => [k.kind, k.default_email]));
	for (const p of must(prefs, 'preferences')) chosen.set(p.kind, p.email);
	const staff = isStaff(user.role);
	const groups = Object.entries(kindGroups)
		.map(([group, list]) => ({
			group: group as keyof typeof kindGroups,
			kinds: (list as readonly NotificationKind[])
				.filter((kind) => staff || !staffOnlyKinds.includes(kind))
				.filter((kind) => (user.role === 'partner') === partnerOnlyKinds.includes(kind))
				.map((kind) => ({ kind, email: (chosen.get(kind) ?? 'none') as EmailMode }))
		}))
		.filter((g) => g.kinds.length > 0);
	return { groups, modes: emailModes, emailVerified: user.emailVerified, feedSince: must(feed, 'calendar feed')?.created_at ?? null };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const parsed = await parseForm(request, preferencesSchema);
		if ('failure' in parsed) return parsed.failure;
		const choices = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
		const { error, status } = await locals.supabase.rpc('set_notification_preferences', { p_choices: choices });
		if (error) return formError(messageKeyFor(error, status));
		return { saved: true };
	},
	newFeed: async ({ locals, url }) => {
		// Only the hash is stored: the link is shown this once.
		const token = randomId(32);
		const { error, status } = await locals.supabase.rpc('set_calendar_feed', { p_token_hash: bufferToBytea(sha256(token)) });
		if (error) return formError(messageKeyFor(error, status));
		return { feedUrl: `${url.origin}/agenda/${token}.ics` };
	},
	stopFeed: async ({ locals }) => {
		const { error, status } = await locals.supabase.from('calendar_feeds').delete().eq('user_id', locals.user!.id);
		if (error) return formError(messageKeyFor(error, status));
		return { feedStopped: true };
	}
};
