import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { env as publicEnv } from '$env/dynamic/public';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { deleteSessionCookie, SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { RETRY_AFTER_SECONDS } from '$lib/server/db-errors';
import { clientFor } from '$lib/server/supabase';
import { productionRefusal } from '$lib/server/config';
import { mapOrigins, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY, withMapOrigins } from '$lib/server/csp';
import { isFormPost, unavailableResponse } from '$lib/server/unavailable';
import { startJobs } from '$lib/server/jobs/site';
import { acceptHref, mustAcceptHuisregels, openWithoutHuisregels } from '$lib/huisregels/guard';

/**
 * In production the built site does not start with development settings (see
 * src/lib/server/production.ts); then the job runner starts with the server (unless JOBS=off).
 */
export const init: ServerInit = () => {
	const refusal = productionRefusal();
	if (refusal) {
		console.error(refusal);
		process.exit(1);
	}
	startJobs();
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

/**
 * The session decides who this request is; the per-request supabase client carries that into RLS.
 * While the database is away every page answers 503 at once, and a form post gets its values back.
 */
const handleSession: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/healthz') return resolve(event); // no session, whatever cookie it sends
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await validateSessionToken(token) : null;
	if (session === 'unavailable') return unavailableResponse(event);
	if (token && !session) deleteSessionCookie(event.cookies, !dev);
	event.locals.user = session?.user ?? null;
	event.locals.sessionId = session?.id ?? null;
	event.locals.supabase = await clientFor(session ? { id: session.user.id, role: session.user.role } : null);
	const asked = huisregelsFirst(event);
	if (asked) return asked;
	const response = await resolve(event);
	if (response.status === 503 && isFormPost(event.request)) return unavailableResponse(event);
	if ((response.status === 503 || response.status === 429) && !response.headers.has('retry-after')) {
		response.headers.set('retry-after', String(event.locals.retryAfter ?? RETRY_AFTER_SECONDS));
	}
	return response;
};

/**
 * A resident who has not accepted the current house rules posts nothing until they have. Form actions
 * run before any layout's load, so the (bewoner) layout's guard cannot stop a post; this does, for
 * every page's actions (public pages with forms included). The answer is the same redirect an action
 * gives: a 303, or for a form sent by JavaScript, SvelteKit's own JSON form of it.
 */
function huisregelsFirst(event: RequestEvent): Response | null {
	if (event.request.method !== 'POST' || !mustAcceptHuisregels(event.locals.user) || openWithoutHuisregels(event.url.pathname)) return null;
	const referer = event.request.headers.get('referer');
	const back = referer?.startsWith(event.url.origin) ? referer.slice(event.url.origin.length) || '/' : event.url.pathname;
	const location = acceptHref(back);
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'redirect', status: 303, location }), { headers: { 'content-type': 'application/json' } });
	}
	return new Response(null, { status: 303, headers: { location } });
}

/**
 * SvelteKit's own check that a form was posted from this site (svelte.config.js turns it off so that
 * this one can make one exception): the one-click unsubscribe of RFC 8058, which mail providers post
 * from their own servers to /afmelden/<token>. That token only unsubscribes its address from one kind
 * of mail, so a forged post can do nothing else.
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;
const handleOrigin: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method);
	if (!dev && unsafe && FORM_TYPES.test(request.headers.get('content-type') ?? '') && request.headers.get('origin') !== url.origin
		&& !(request.method === 'POST' && url.pathname.startsWith('/afmelden/'))) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		return request.headers.get('accept') === 'application/json'
			? new Response(JSON.stringify({ message }), { status: 403, headers: { 'content-type': 'application/json' } })
			: new Response(message, { status: 403 });
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', PERMISSIONS_POLICY);
	if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
	const policy = response.headers.get('content-security-policy');
	if (policy) response.headers.set('content-security-policy', withMapOrigins(policy, mapOrigins(publicEnv)));
	// A photo file never changes at its address (src/routes/foto): it sets its own private, immutable caching.
	if (event.locals.user && !event.url.pathname.startsWith('/foto/')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(handleOrigin, handleLocale, handleHeaders, handleSession);

export const handleError: HandleServerError = ({ error, status, message }) => {
	const cause = error as { code?: string; cause?: { code?: string } };
	if (status === 404) return { message };
	if (cause?.cause?.code === 'ECONNREFUSED' || cause?.code === 'ECONNREFUSED') {
		return { message: 'unavailable', retryAfter: RETRY_AFTER_SECONDS };
	}
	console.error('[error]', error);
	return { message: 'internal' };
};
