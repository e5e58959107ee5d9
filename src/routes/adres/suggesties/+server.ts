// Type-ahead for address fields: PDOK Locatieserver's suggest endpoint, asked by our server so that
// the browser talks only to this site (the CSP stays 'self') and PDOK sees no visitor's address.
// For logged-in people (every address form needs a login), rate-limited per person, a short timeout.
import { json } from '@sveltejs/kit';
import { gemeenteOf } from '$lib/adres/place.server';
import { suggestQuerySchema } from '$lib/adres/schema';
import { hit } from '$lib/server/auth/rate-limit';
import { suggest } from '$lib/server/geocoder';
import type { RequestHandler } from './$types';

const LIMIT = { bucket: 'adres:suggest', max: 120, windowSeconds: 60 };

export const GET: RequestHandler = async ({ url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	if (!locals.user) return json({ suggestions: [], error: 'login' }, { status: 401 });
	const parsed = suggestQuerySchema.safeParse({ q: url.searchParams.get('q') ?? '', buurt: url.searchParams.get('buurt') ?? undefined });
	if (!parsed.success) return json({ suggestions: [] }, { status: 400 });
	const wait = await hit([LIMIT, locals.user.id]);
	if (wait > 0) return json({ suggestions: [], error: 'rate_limited' }, { status: 429, headers: { 'retry-after': String(wait) } });
	const gemeente = parsed.data.buurt ? await gemeenteOf(locals.supabase, parsed.data.buurt) : null;
	const answer = await suggest(parsed.data.q, gemeente?.naam ?? '');
	if ('error' in answer) return json({ suggestions: [], error: 'unavailable' }, { status: 503 });
	return json({ suggestions: answer.suggestions });
};
