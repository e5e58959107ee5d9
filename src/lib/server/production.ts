// What production must not run with: the well-known secrets and keys of a local stack, or an origin
// that is not https. Pure (no SvelteKit imports), so it is unit-tested and the built site checks it
// at start-up (src/hooks.server.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** JWT secrets published with Supabase's local stack and its self-hosting example; ours is the first. */
export const WELL_KNOWN_JWT_SECRETS = [
	'super-secret-jwt-token-with-at-least-32-characters-long',
	'your-super-secret-jwt-token-with-at-least-32-characters-long'
] as const;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when an API key (a JWT) was signed with one of the well-known secrets. */
export function signedWithWellKnownSecret(key: string): boolean {
	const [header, payload, signature] = key.split('.');
	if (!header || !payload || !signature) return false;
	const given = Buffer.from(signature, 'base64url');
	return WELL_KNOWN_JWT_SECRETS.some((secret) => {
		const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
		return expected.length === given.length && timingSafeEqual(expected, given);
	});
}

/** The reasons the built site must not start with these settings in production; empty when it may. */
export function productionProblems(env: Record<string, string | undefined>): string[] {
	const problems: string[] = [];
	const secret = env.SUPABASE_JWT_SECRET ?? '';
	if ((WELL_KNOWN_JWT_SECRETS as readonly string[]).includes(secret)) {
		problems.push('SUPABASE_JWT_SECRET is the well-known secret of the local stack; set the project\'s own JWT secret.');
	} else if (secret.length < 32) {
		problems.push('SUPABASE_JWT_SECRET is missing or shorter than 32 characters.');
	}
	for (const name of ['SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY']) {
		const key = env[name] ?? '';
		if (!key) problems.push(`${name} is not set.`);
		else if (signedWithWellKnownSecret(key)) problems.push(`${name} is a key of the local stack (signed with its well-known secret); set the project's own key.`);
	}
	const origin = env.ORIGIN ?? '';
	let url: URL | null = null;
	try {
		url = new URL(origin);
	} catch {
		url = null;
	}
	if (!url) problems.push('ORIGIN is not set; set the address of the site, e.g. https://buurtplein.example.nl.');
	else if (url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
		problems.push(`ORIGIN (${origin}) is not https; the site only runs on https in production (localhost excepted).`);
	}
	return problems;
}

/** The message the site prints before it refuses to start. */
export function refusalMessage(problems: string[]): string {
	return [
		'Buurtplein refuses to start: NODE_ENV=production, but these settings are for development only:',
		...problems.map((p) => `  - ${p}`),
		'See the README, section "Deploying", for what production must set. To try the built site on the local stack, use `npm start` (without NODE_ENV=production).'
	].join('\n');
}
