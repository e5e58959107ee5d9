// The server calls PostgREST on every page (the session, then the page's own data). Node's built-in
// fetch follows the whole WHATWG fetch algorithm for each call; undici's own request API, on the same
// connection pool, costs well under half the CPU for the same call (issue 15: measured 139–222 µs
// against 61–83 µs per call, client and a local server together). This is a fetch for supabase-js
// made on request(): the same answers, the same errors (a TypeError "fetch failed" with the cause, the
// signal's reason when aborted), so resilientFetch (supabase.ts) reads them as it reads fetch's.
// What it does not handle (a Request object, a streamed or form body) goes to the built-in fetch.
import { Agent, request } from 'undici';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

/** Statuses whose answer has no body (a Response with one would throw). */
const NO_BODY = new Set([101, 204, 205, 304]);

export const fastFetch: typeof fetch = async (input, init = {}) => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
	const { body } = init;
	if (url === null || (body != null && typeof body !== 'string')) return fetch(input, init);
	const method = (init.method ?? 'GET').toUpperCase();
	const signal = init.signal ?? undefined;
	try {
		const answer = await request(url, { method: method as 'GET', headers: headerRecord(init.headers), body, signal, dispatcher: agent });
		const empty = method === 'HEAD' || NO_BODY.has(answer.statusCode);
		const content = empty ? null : await answer.body.arrayBuffer();
		if (empty) await answer.body.dump();
		return new Response(content, { status: answer.statusCode, headers: responseHeaders(answer.headers) });
	} catch (error) {
		// As fetch: an abort rejects with the signal's reason (a TimeoutError for AbortSignal.timeout).
		if (signal?.aborted) throw signal.reason;
		throw new TypeError('fetch failed', { cause: error });
	}
};

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
	if (!headers) return {};
	if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers as Iterable<[string, string]>);
	return headers as Record<string, string>;
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(raw)) {
		if (Array.isArray(value)) for (const v of value) headers.append(name, v);
		else if (value !== undefined) headers.set(name, value);
	}
	return headers;
}
