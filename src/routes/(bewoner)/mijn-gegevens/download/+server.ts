import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateTime } from '$lib/format';
import { exportHtml } from '$lib/privacy/render';
import { SECTIONS } from '$lib/privacy/sections';
import type { RequestHandler } from './$types';

// The export, made on request for the logged-in owner only, never cached or stored: the file is the
// response itself, so there is no link that works without this session.
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent('/mijn-gegevens')}`);
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'html') error(404, { message: 'not_found' });
	const data = must(await locals.supabase.rpc('my_data'), 'my data') as Record<string, unknown>;
	const day = new Date().toISOString().slice(0, 10);
	const headers = {
		'cache-control': 'no-store',
		'content-disposition': `attachment; filename="buurtplein-mijn-gegevens-${day}.${format}"`,
		'x-content-type-options': 'nosniff'
	};
	if (format === 'json') {
		return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
	}
	const locale = getLocale();
	const html = exportHtml(data, {
		lang: locale,
		title: m.privacy_html_title(),
		generated: m.privacy_html_generated({ when: formatDateTime(String(data.generated_at ?? new Date().toISOString()), locale) }),
		sections: SECTIONS.map((s) => ({ title: s.title(), who: s.who(), whoLabel: m.privacy_who(), keys: s.keys }))
	});
	return new Response(html, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
};
