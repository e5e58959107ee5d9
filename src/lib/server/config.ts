// Server configuration, read once from the environment. Every variable is listed in the README.
import { env } from '$env/dynamic/private';

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
	/** Shows the developer mailbox at /dev/mail; never set in production. */
	get devMailbox() {
		return env.DEV_MAILBOX === '1';
	},
	/** Turns off the rate limits, for load benchmarks only. */
	get rateLimitsOff() {
		return env.RATE_LIMITS === 'off';
	}
};
