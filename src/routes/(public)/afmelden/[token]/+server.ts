// The RFC 8058 one-click post from a mail provider (it does not ask for HTML, so SvelteKit routes it
// here rather than to the page's form action): 200 when the address is unsubscribed from that kind,
// 400 when the token is not ours for exactly that address and kind.
import { readToken, unsubscribe } from '$lib/meldingen/unsubscribe.server';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params }) => {
	const target = readToken(params.token);
	if (!target) return new Response('invalid unsubscribe link\n', { status: 400, headers: { 'content-type': 'text/plain' } });
	await unsubscribe(target.address, target.kind);
	return new Response('unsubscribed\n', { headers: { 'content-type': 'text/plain' } });
};
