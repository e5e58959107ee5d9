// The anon and service-role API keys: long-lived JWTs signed with the stack's secret, as a Supabase
// project's keys are.
import { SignJWT } from 'jose';

/** The Supabase CLI's well-known local secret. Local only: production sets SUPABASE_JWT_SECRET. */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export async function apiKey(role: 'anon' | 'service_role', secret: string): Promise<string> {
	return new SignJWT({ role, iss: 'buurtplein-local' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(1_700_000_000)
		.setExpirationTime(4_102_444_800) // 2100-01-01
		.sign(new TextEncoder().encode(secret));
}
