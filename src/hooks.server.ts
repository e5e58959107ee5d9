import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { deleteSessionCookie, SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { RETRY_AFTER_SECONDS } from '$lib/server/db-errors';
import { clientFor } from '$lib/server/supabase';

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

/** The session decides who this request is; the per-request supabase client carries that into RLS. */
const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await validateSessionToken(token) : null;
	if (session === 'unavailable') return unavailable();
	if (token && !session) deleteSessionCookie(event.cookies, !dev);
	event.locals.user = session?.user ?? null;
	event.locals.sessionId = session?.id ?? null;
	event.locals.supabase = await clientFor(session ? { id: session.user.id, role: session.user.role } : null);
	const response = await resolve(event);
	if ((response.status === 503 || response.status === 429) && !response.headers.has('retry-after')) {
		response.headers.set('retry-after', String(event.locals.retryAfter ?? RETRY_AFTER_SECONDS));
	}
	return response;
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

function unavailable(): Response {
	console.error('[db] session check failed: database unreachable; answering 503');
	const html = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.unavailable_title()}</title></head><body><main><h1>${m.unavailable_title()}</h1><p>${m.unavailable_body()}</p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS) }
	});
}

export const handle = sequence(handleLocale, handleHeaders, handleSession);

export const handleError: HandleServerError = ({ error, status, message }) => {
	const cause = error as { code?: string; cause?: { code?: string } };
	if (status === 404) return { message };
	if (cause?.cause?.code === 'ECONNREFUSED' || cause?.code === 'ECONNREFUSED') {
		console.error('[db] unreachable during request; answering 503');
		return { message: 'unavailable', retryAfter: RETRY_AFTER_SECONDS };
	}
	console.error('[error]', error);
	return { message: 'internal' };
};
