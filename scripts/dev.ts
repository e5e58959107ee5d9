// `npm run dev`: the local stack (embedded PGlite with demo data, or DATABASE_URL) and the site, which
// live and die together. `--production` (`npm start`) serves the built site instead of the dev server,
// on the same local stack, for trying: it has no /dev/mail, so unsent mail is printed here. `--reset`
// starts from an empty database; `--reset-only` just empties it.
//
// Supervision: the site is a child process that the kernel stops when this process dies, however it
// dies (no orphan site answering 503 forever); when the site crashes it is started again with backoff,
// and when it keeps crashing everything stops. PostgREST is restarted by the stack itself
// (scripts/stack/postgrest.ts). A crash of this process stops both, with the reason logged.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { startStack, type Stack } from './stack/index.ts';
import { withParentDeathSignal } from './stack/children.ts';

const args = new Set(process.argv.slice(2));
const root = new URL('../', import.meta.url).pathname;
const dataDir = process.env.BUURTPLEIN_DATA_DIR ?? `${root}.data/pglite`;
const log = (line: string) => console.error(line);

/** Site restarts allowed within one minute before everything stops: a crash loop needs a person. */
const MAX_SITE_RESTARTS_PER_MINUTE = 5;
const SITE_RESTART_DELAYS_MS = [200, 1000, 2000, 5000];

if (args.has('--reset') || args.has('--reset-only')) {
	rmSync(dataDir, { recursive: true, force: true });
	console.log(`Database emptied (${dataDir}).`);
	if (args.has('--reset-only')) process.exit(0);
}

let stack: Stack | null = null;
let site: ChildProcess | null = null;
let stopping = false;
let restartTimer: NodeJS.Timeout | undefined;
let mailPrinter: NodeJS.Timeout | undefined;

async function shutdown(code: number, reason: string) {
	if (stopping) return;
	stopping = true;
	clearTimeout(restartTimer);
	clearInterval(mailPrinter);
	log(`[dev] ${reason}; stopping the site and the stack`);
	// Both at once: Ctrl-C reaches PostgREST too, and its supervisor must know this exit was wanted.
	const stackStopped = stack?.stop().catch((error) => log(`[dev] stopping the stack: ${(error as Error).message}`));
	const current = site;
	if (current && current.exitCode === null && current.signalCode === null) {
		const exited = new Promise((r) => current.once('exit', r));
		current.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (current.exitCode === null && current.signalCode === null) current.kill('SIGKILL');
	}
	await stackStopped;
	process.exit(code);
}

// The stack runs in this process: a bug in it must not leave the site running on its own.
process.on('uncaughtException', (error) => {
	log(`[dev] the stack crashed: ${error.stack ?? error.message}`);
	void shutdown(1, 'the stack crashed');
});
process.on('unhandledRejection', (error) => {
	log(`[dev] the stack crashed: ${(error as Error)?.stack ?? String(error)}`);
	void shutdown(1, 'the stack crashed');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0, `${signal} received`));

const started = performance.now();
stack = await startStack({
	databaseUrl: process.env.DATABASE_URL,
	dataDir,
	seed: process.env.SEED !== '0',
	port: Number(process.env.STACK_PORT ?? 54321),
	log
});
const port = process.env.PORT ?? '5173';
const env = {
	...process.env,
	SUPABASE_URL: stack.url,
	SUPABASE_ANON_KEY: stack.anonKey,
	SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
	SUPABASE_JWT_SECRET: stack.jwtSecret,
	PORT: port,
	HOST: '127.0.0.1',
	// A photo upload is up to 10 MB (src/lib/photos/limits.ts); adapter-node refuses bodies over 512 kB by default.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M',
	// adapter-node assumes https without ORIGIN, and SvelteKit refuses form posts from any other origin.
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`
};

const production = args.has('--production');
if (production && !existsSync(`${root}build/index.js`)) {
	console.log('Building the site first...');
	await run(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build'], env);
}
const siteCommand = production
	? [`${root}build/index.js`]
	: [`${root}node_modules/vite/bin/vite.js`, 'dev', '--port', port, '--strictPort', '--host', '127.0.0.1'];

const restarts: number[] = [];
function startSite() {
	const [command, argv] = withParentDeathSignal(process.execPath, siteCommand);
	const child = spawn(command, argv, { cwd: root, env, stdio: 'inherit' });
	site = child;
	log(`[dev] site started (pid ${child.pid})`);
	child.once('exit', (code, signal) => {
		if (stopping) return;
		// A clean exit, or one asked for (Ctrl-C reaches the whole process group), stops everything.
		if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') return void shutdown(0, 'the site stopped');
		const now = Date.now();
		restarts.push(now);
		while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
		if (restarts.length > MAX_SITE_RESTARTS_PER_MINUTE) {
			return void shutdown(1, `the site crashed ${restarts.length} times within a minute (last: ${signal ?? `code ${code}`})`);
		}
		const delay = SITE_RESTART_DELAYS_MS[Math.min(restarts.length - 1, SITE_RESTART_DELAYS_MS.length - 1)];
		log(`[dev] the site (pid ${child.pid}) crashed (${signal ?? `code ${code}`}); starting it again in ${delay} ms`);
		restartTimer = setTimeout(startSite, delay);
	});
}
startSite();
const mailNote = process.env.SMTP_URL ? 'sent by SMTP' : production ? 'printed here' : `http://localhost:${port}/dev/mail`;
console.log(
	`\nBuurtplein: http://localhost:${port}  (stack ${stack.url}, ${stack.db.kind}, PostgREST pid ${stack.postgrest.pid}, ready in ${Math.round(performance.now() - started)} ms)` +
		`\nDemo accounts: see README.md; password buurtplein-demo. Mail: ${mailNote}\n`
);
mailPrinter = production && !process.env.SMTP_URL ? printNewMail() : undefined;

function run(command: string, argv: string[], childEnv: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, argv, { cwd: root, env: childEnv, stdio: 'inherit' });
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
	});
}

/** The built site has no developers' mailbox: mail that was not sent is printed as it arrives. */
function printNewMail(): NodeJS.Timeout {
	let last = -1;
	return setInterval(async () => {
		try {
			const rows = (await stack?.db.query<{ id: number; to_address: string; subject: string; body_text: string }>(
				'select id, to_address, subject, body_text from public.email_outbox where id > $1 and sent_at is null order by id',
				[last]
			)) ?? [];
			if (last === -1) last = rows.at(-1)?.id ?? 0;
			else
				for (const mail of rows) {
					last = mail.id;
					console.log(`\n[mail] to ${mail.to_address}: ${mail.subject}\n${mail.body_text}\n`);
				}
		} catch {
			// The stack is stopping.
		}
	}, 1000);
}
