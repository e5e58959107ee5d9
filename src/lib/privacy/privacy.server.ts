import { serviceClient } from '$lib/server/supabase';
import { must } from '$lib/server/db-errors';
import { verifyPassword } from '$lib/server/auth/password';

/**
 * Checks the password of the logged-in person before their account is erased. Service role: the
 * password hash is granted to nobody else, the person included.
 */
export async function passwordMatches(userId: string, password: string): Promise<boolean> {
	const data = must(await serviceClient().from('users').select('password_hash').eq('id', userId).single(), 'read account');
	return verifyPassword(data.password_hash, password);
}
