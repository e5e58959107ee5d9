// Everything a wijkbeeld page shows, from the scope of the request, with or without "< 5".
import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { monthsBetween, suppressed } from './chart';
import { loadFigures, scopeFor } from './figures.server';
import { charts, matrix, themeName } from './present';

export async function wijkbeeld(event: RequestEvent, { suppress = false } = {}) {
	const { locals, url } = event;
	const scope = await scopeFor(locals.supabase, locals.user!, url);
	const figures = await loadFigures(locals.supabase, scope);
	const locale = getLocale();
	const months = monthsBetween(scope.from, scope.to);
	const table = matrix(figures);
	return {
		scope,
		figures,
		charts: charts(figures, months, locale, { suppress }),
		matrix: suppress ? { ...table, rows: table.rows.map((r) => ({ buurt: r.buurt, cells: r.cells.map(suppressed) })) } : table,
		rising: figures.stijgers.map((r) => ({
			buurt: r.buurt,
			theme: themeName(r.theme),
			recent: r.recent,
			before: r.before
		})),
		total: figures.signalen.reduce((s, r) => s + r.n, 0)
	};
}
