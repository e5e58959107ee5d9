// `npm run dev`: the local stack (embedded PGlite with demo data, or DATABASE_URL) and the site, which
// stop together. `--production` serves the built site instead of the dev server; `--reset` starts
// from an empty database; `--reset-only` just empties it.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { startStack } from './stack/index.ts';

const args = new Set(process.argv.slice(2));
const dataDir = process.env.BUURTPLEIN_DATA_DIR ?? new URL('../.data/pglite', import.meta.url).pathname;

if (args.has('--reset') || args.has('--reset-only')) {
	rmSync(dataDir, { recursive: true, force: true });
	console.log(`Database emptied (${dataDir}).`);
	if (args.has('--reset-only')) process.exit(0);
}

const started = performance.now();
const stack = await startStack({
	databaseUrl: process.env.DATABASE_URL,
	dataDir,
	seed: process.env.SEED !== '0',
	port: Number(process.env.STACK_PORT ?? 54321)
});
const port = process.env.PORT ?? '5173';
const env = {
	...process.env,
	SUPABASE_URL: stack.url,
	SUPABASE_ANON_KEY: stack.anonKey,
	SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
	SUPABASE_JWT_SECRET: stack.jwtSecret,
	DEV_MAILBOX: process.env.SMTP_URL ? (process.env.DEV_MAILBOX ?? '0') : '1',
	PORT: port,
	HOST: '127.0.0.1',
	// adapter-node assumes https without ORIGIN, and SvelteKit refuses form posts from any other origin.
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`
};

const production = args.has('--production');
if (production && !existsSync(new URL('../build/index.js', import.meta.url))) {
	console.log('Building the site first...');
	await run('npx', ['vite', 'build'], env);
}
const app = production
	? spawn(process.execPath, ['build/index.js'], { env, stdio: 'inherit' })
	: spawn('npx', ['vite', 'dev', '--port', port, '--strictPort', '--host', '127.0.0.1'], { env, stdio: 'inherit' });
console.log(
	`\nBuurtplein: http://localhost:${port}  (stack ${stack.url}, ${stack.db.kind}, ready in ${Math.round(performance.now() - started)} ms)` +
		`\nDemo accounts: see README.md; password buurtplein-demo. Mail: http://localhost:${port}/dev/mail\n`
);

let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	if (app.exitCode === null) app.kill('SIGTERM');
	await stack.stop();
	process.exit(code);
}
app.once('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(command: string, argv: string[], childEnv: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, argv, { env: childEnv, stdio: 'inherit' });
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
	});
}
