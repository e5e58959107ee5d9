import { csv, suppressed } from '$lib/wijkbeeld/chart';
import { wijkbeeld } from '$lib/wijkbeeld/view.server';
import type { RequestHandler } from './$types';

// Signals counted per month, buurt and theme: no texts and no people, counts under 5 as "< 5".
export const GET: RequestHandler = async (event) => {
	const view = await wijkbeeld(event, { suppress: true });
	const rows: (string | number)[][] = [['maand', 'gemeente', 'buurtcode', 'buurt', 'thema', 'aantal']];
	for (const r of view.figures.signalen) rows.push([r.month.slice(0, 7), view.scope.gemeenteNaam, r.buurt_code, r.buurt, r.theme, suppressed(r.n)]);
	return new Response(csv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="signalen-${view.scope.wijk ?? view.scope.gemeente}-${view.scope.from}-${view.scope.to}.csv"`
		}
	});
};
