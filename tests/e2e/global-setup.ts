// Starts the stack on PGlite, a real SMTP server and the built site (sending its mail there) on the
// configured port, for the whole e2e run. Tests read the mail from E2E_MAILBOX (one JSON line a mail).
import { mkdirSync, rmSync } from 'node:fs';
import { startSmtp } from '../support/smtp.ts';
import { startTestEnv } from '../support/env.ts';
import { port } from './playwright.config.ts';

export default async function globalSetup() {
	const mailbox = new URL(`../../test-results/e2e-mailbox-${port}.jsonl`, import.meta.url).pathname;
	mkdirSync(new URL('../../test-results/', import.meta.url).pathname, { recursive: true });
	rmSync(mailbox, { force: true });
	const smtp = await startSmtp(0, { logFile: mailbox });
	const running = await startTestEnv('pglite', { SMTP_URL: smtp.url }, port);
	process.env.E2E_ENV = JSON.stringify(running.env);
	process.env.E2E_MAILBOX = mailbox;
	return async () => {
		await running.stop();
		await smtp.close();
	};
}
