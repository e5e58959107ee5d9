import { z } from 'zod';
import { text } from '$lib/fields';
import { wijkbeeld } from '$lib/wijkbeeld/view.server';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The printable report: the same figures as the dashboard, counts under 5 per buurt as "< 5", and the
// coordinator's text on top. The text is not stored: the report is printed or saved as a PDF.
export const load: PageServerLoad = async (event) => {
	const view = await wijkbeeld(event, { suppress: true });
	return { ...view, figures: undefined, query: event.url.searchParams.toString() };
};

const reportSchema = z.object({ tekst: text(4000, { multiline: true }) });

export const actions: Actions = {
	default: async ({ request }) => {
		const parsed = await parseForm(request, reportSchema);
		if ('failure' in parsed) return parsed.failure;
		return { tekst: parsed.data.tekst };
	}
};
