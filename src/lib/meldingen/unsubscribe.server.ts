// One-click unsubscribe. Runs with the service role because the person is not logged in (the link
// comes from a mail, often opened elsewhere); the signed token is the proof, checked here first.
import { config } from '$lib/server/config';
import { must } from '$lib/server/db-errors';
import { readUnsubscribeToken } from '$lib/server/mail/unsubscribe';
import { serviceClient } from '$lib/server/supabase';

export function readToken(token: string): { address: string; kind: string } | null {
	return readUnsubscribeToken(config.jwtSecret, token);
}

export async function unsubscribe(address: string, kind: string): Promise<void> {
	must(await serviceClient().rpc('unsubscribe_mail', { p_address: address, p_kind: kind }), 'unsubscribe');
}
