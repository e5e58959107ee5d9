import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { serviceClient } from '$lib/server/supabase';
import type { PageServerLoad } from './$types';

// The developers' mailbox: mail that was not sent because no SMTP server is configured. Read with the
// service role because the outbox is nobody's data to read through RLS; off unless DEV_MAILBOX=1.
export const load: PageServerLoad = async ({ url }) => {
	if (!config.devMailbox) error(404, { message: 'Not Found' });
	let query = serviceClient().from('email_outbox').select('id, to_address, subject, body_text, created_at, sent_at').order('id', { ascending: false }).limit(50);
	const to = url.searchParams.get('to');
	if (to) query = query.eq('to_address', to.toLowerCase());
	const { data } = await query;
	return { mails: data ?? [] };
};
