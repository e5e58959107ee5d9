// Server configuration, read once from the environment. Every variable is listed in the README.
import { env } from '$env/dynamic/private';
import { productionProblems, refusalMessage } from './production';

function required(name: string): string {
	const value = env[name];
	if (!value) throw new Error(`${name} is not set; see the README's configuration section`);
	return value;
}

export const config = {
	get supabaseUrl() {
		return required('SUPABASE_URL');
	},
	get anonKey() {
		return required('SUPABASE_ANON_KEY');
	},
	get serviceRoleKey() {
		return required('SUPABASE_SERVICE_ROLE_KEY');
	},
	get jwtSecret() {
		return required('SUPABASE_JWT_SECRET');
	},
	/** nodemailer transport URL (smtp://user:pass@host:587); without it mail stays in the outbox. */
	get smtpUrl() {
		return env.SMTP_URL ?? '';
	},
	get mailFrom() {
		return env.MAIL_FROM || 'Buurtplein <noreply@buurtplein.local>';
	},
	/** The site's public address (adapter-node's ORIGIN), for links in mail that jobs write. */
	get origin() {
		return (env.ORIGIN || 'http://localhost:5173').replace(/\/$/, '');
	},
	/** `JOBS=off` when this instance must not run jobs (a deployment that runs `npm run worker`). */
	get jobsEnabled() {
		return env.JOBS !== 'off';
	},
	/** Turns off the rate limits, for load benchmarks only. */
	get rateLimitsOff() {
		return env.RATE_LIMITS === 'off';
	}
};

/**
 * With NODE_ENV=production the built site refuses development settings (the local stack's secret and
 * keys, an origin without https): the message to print before exiting, or null when it may start.
 */
export function productionRefusal(): string | null {
	if (env.NODE_ENV !== 'production') return null;
	const problems = productionProblems(env);
	return problems.length ? refusalMessage(problems) : null;
}
