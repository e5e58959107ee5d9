import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { serviceClient } from '$lib/server/supabase';
import type { PageServerLoad } from './$types';

// The developers' mailbox: mail that was not sent because no SMTP server is configured. It exists only
// under `npm run dev` (the Vite dev server). In a built site `dev` is false whatever the environment
// says: the page is a 404 and the bundler leaves the mailbox code out.
export const load: PageServerLoad = dev ? readMailbox : () => error(404, { message: 'Not Found' });

// Read with the service role because the outbox is nobody's data to read through RLS.
async function readMailbox({ url }: Parameters<PageServerLoad>[0]) {
	let query = serviceClient().from('email_outbox').select('id, to_address, subject, body_text, created_at, sent_at').order('id', { ascending: false }).limit(50);
	const to = url.searchParams.get('to');
	if (to) query = query.eq('to_address', to.toLowerCase());
	const { data } = await query;
	return { mails: data ?? [] };
}
