// Starts the stack on PGlite and the built site on the configured port, for the whole e2e run.
import { startTestEnv } from '../support/env.ts';
import { port } from './playwright.config.ts';

export default async function globalSetup() {
	const running = await startTestEnv('pglite', {}, port);
	process.env.E2E_ENV = JSON.stringify(running.env);
	return () => running.stop();
}
