import { csv } from '$lib/wijkbeeld/chart';
import { wijkbeeld } from '$lib/wijkbeeld/view.server';
import type { RequestHandler } from './$types';

// Every figure of the wijkbeeld, as the report shows them (counts under 5 per buurt as "< 5").
export const GET: RequestHandler = async (event) => {
	const view = await wijkbeeld(event, { suppress: true });
	const rows: (string | number)[][] = [['cijfer', 'wat', 'aantal']];
	for (const chart of view.charts) for (const r of chart.rows) rows.push([chart.title, r.label, r.shown ?? r.value]);
	return new Response(csv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="cijfers-${view.scope.wijk ?? view.scope.gemeente}-${view.scope.from}-${view.scope.to}.csv"`
		}
	});
};
