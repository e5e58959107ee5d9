import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// Everything the platform holds about the person, built by one database function for app.uid().
export const load: PageServerLoad = async ({ locals, setHeaders, parent }) => {
	// The layout sends a visitor to the log-in; wait for it rather than ask the database as nobody.
	await parent();
	setHeaders({ 'cache-control': 'no-store' });
	const data = must(await locals.supabase.rpc('my_data'), 'my data') as Record<string, unknown>;
	return { myData: data };
};
