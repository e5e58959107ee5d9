// `npm run worker`: the job runner without the web server, for a deployment that runs them apart
// (start the site with JOBS=off). It loads the built server (the same bundle as `node build`), whose
// `init` hook starts the runner, and stops it gracefully on SIGTERM/SIGINT. Reads the same
// environment as the site (SUPABASE_*, SMTP_URL, MAIL_FROM, ORIGIN).
import { existsSync } from 'node:fs';

const handler = new URL('../build/handler.js', import.meta.url).pathname;
if (!existsSync(handler)) {
	console.error('build/ is missing: run `npm run build` first');
	process.exit(1);
}
process.env.JOBS = 'on';
// adapter-node's handler initialises the server when it is loaded (its `init` hook starts the
// runner); nothing listens for HTTP unless build/index.js is run.
await import(handler);
console.error('[worker] running jobs; stop with Ctrl-C');

let stopping = false;
function stop(reason: string) {
	if (stopping) return;
	stopping = true;
	// The runner listens for adapter-node's shutdown event, as it does inside the site.
	process.emit('sveltekit:shutdown' as 'exit', reason as unknown as number);
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
