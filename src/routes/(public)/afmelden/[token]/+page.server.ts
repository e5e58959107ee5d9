// The unsubscribe link in every non-account mail (List-Unsubscribe). Opening it asks first (link
// checkers open links too); posting to it unsubscribes, also as the RFC 8058 one-click post that mail
// providers send with `List-Unsubscribe=One-Click` and no session or origin of ours.
import { fail } from '@sveltejs/kit';
import { mailKindLabel } from '$lib/meldingen/labels';
import { readToken, unsubscribe } from '$lib/meldingen/unsubscribe.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const target = readToken(params.token);
	return target ? { valid: true as const, address: target.address, kind: mailKindLabel(target.kind) } : { valid: false as const };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const target = readToken(params.token);
		if (!target) return fail(400, { invalid: true });
		await unsubscribe(target.address, target.kind);
		return { done: true, kind: mailKindLabel(target.kind) };
	}
};
