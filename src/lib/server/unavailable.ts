// The answer while PostgREST or the database is away: a 503 with Retry-After, at once. A form post
// gets back what the person typed: a page without JavaScript shows the form's values ready to send
// again (passwords left out); a form sent by JavaScript gets an ordinary form failure, so the page
// keeps the values and shows the message above the form. When a write may have been saved as its
// connection broke, the message says so: look before sending it again.
import type { RequestEvent } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { requestOutage, RETRY_AFTER_SECONDS } from './db-errors';
import { echoable, postedValues, type FormFailure } from './forms';
import { translate } from './i18n';

const headers = (type: string) => ({ 'content-type': type, 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });

export function isFormPost(request: Request): boolean {
	const type = request.headers.get('content-type') ?? '';
	return request.method === 'POST' && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type);
}

export async function unavailableResponse(event: RequestEvent): Promise<Response> {
	if (!isFormPost(event.request)) return page(null);
	const values = postedValues(event) ?? (await readValues(event.request));
	const inDoubt = requestOutage(event) === 'in-doubt';
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		const data: FormFailure = { values: values ?? {}, errors: { _form: translate(inDoubt ? 'err_unavailable_in_doubt' : 'err_unavailable_retry') } };
		// SvelteKit's `enhance` reads an action result as JSON with devalue-encoded data.
		return new Response(JSON.stringify({ type: 'failure', status: 503, data: stringify(data) }), { status: 503, headers: headers('application/json') });
	}
	return page(values ? { action: event.url.pathname + event.url.search, values, inDoubt } : null);
}

/** The post's fields, when nothing has read the body yet (the session check comes first). */
async function readValues(request: Request): Promise<FormFailure['values'] | null> {
	try {
		return echoable((await request.formData()) as FormData);
	} catch {
		return null;
	}
}

function page(resend: { action: string; values: FormFailure['values']; inDoubt: boolean } | null): Response {
	const inputs = resend
		? Object.entries(resend.values)
				.flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `<input type="hidden" name="${escape(name)}" value="${escape(v)}">`))
				.join('')
		: '';
	const form = resend
		? `<p>${escape(resend.inDoubt ? m.unavailable_in_doubt() : m.unavailable_kept())}</p><form method="POST" action="${escape(resend.action)}">${inputs}<button type="submit">${escape(m.unavailable_resend())}</button></form>`
		: `<p>${escape(m.unavailable_body())}</p>`;
	const html = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(m.unavailable_title())}</title><link rel="stylesheet" href="/unavailable.css"></head><body><main><h1>${escape(m.unavailable_title())}</h1>${form}<p><a href="/">${escape(m.nav_home())}</a></p></main></body></html>`;
	return new Response(html, { status: 503, headers: headers('text/html; charset=utf-8') });
}

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
