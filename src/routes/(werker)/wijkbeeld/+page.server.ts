import { wijkbeeld } from '$lib/wijkbeeld/view.server';
import type { PageServerLoad } from './$types';

// The dashboard per wijk (workers of the wijk, the coordinator) or per gemeente (the coordinator).
export const load: PageServerLoad = async (event) => {
	const view = await wijkbeeld(event);
	return { ...view, figures: undefined, query: event.url.searchParams.toString() };
};
