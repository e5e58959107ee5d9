import { getLocale } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user
		? { id: locals.user.id, displayName: locals.user.displayName, role: locals.user.role, emailVerified: locals.user.emailVerified }
		: null,
	locale: getLocale(),
	path: url.pathname + url.search
});
