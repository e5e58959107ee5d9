// The map's filters come from the query string (a GET form), so they work without JavaScript and
// the page and its GeoJSON always agree.
import { z } from 'zod';
import { day } from '$lib/fields';
import { addDays, today } from '$lib/format';

const mapFilterSchema = z.object({
	type: z.enum(['alles', 'repair_cafe', 'rommelroute']).catch('alles'),
	from: day.optional().catch(undefined),
	until: day.optional().catch(undefined)
});

export function filtersFrom(url: URL) {
	const parsed = mapFilterSchema.parse({
		type: url.searchParams.get('type') ?? undefined,
		from: url.searchParams.get('from') || undefined,
		until: url.searchParams.get('until') || undefined
	});
	const from = parsed.from ?? today();
	let until = parsed.until ?? addDays(from, 90);
	if (until < from) until = from;
	if (until > addDays(from, 366)) until = addDays(from, 366);
	return { type: parsed.type, from, until };
}
