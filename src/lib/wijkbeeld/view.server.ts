// Everything a wijkbeeld page shows, from the scope of the request, with or without "< 5".
import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { monthsBetween, suppressed } from './chart';
import { loadFigures, scopeFor } from './figures.server';
import { choropleth } from './choropleth';
import { areaLists } from '$lib/areas/areas.server';
import { loadOutlines } from '$lib/areas/outlines.server';
import { charts, matrix, themeName } from './present';

export async function wijkbeeld(event: RequestEvent, { suppress = false } = {}) {
	const { locals, url } = event;
	const scope = await scopeFor(locals.supabase, locals.user!, url);
	const [figures, outlines, areas] = await Promise.all([loadFigures(locals.supabase, scope), loadOutlines(locals.supabase, scope.gemeente), areaLists(locals.supabase)]);
	// The map shows the buurten of the scope: the wijk's, or the whole gemeente's.
	const inScope = new Set(areas.buurten.filter((b) => scope.wijk === null || b.wijk_code === scope.wijk).map((b) => b.code));
	const counts = new Map<string, number>();
	for (const r of figures.signalen) counts.set(r.buurt_code, (counts.get(r.buurt_code) ?? 0) + r.n);
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
		total: figures.signalen.reduce((s, r) => s + r.n, 0),
		map: choropleth(outlines.filter((o) => o.level === 'buurt' && inScope.has(o.code)), counts),
		suppress
	};
}
