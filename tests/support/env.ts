// Starts what the tests run against: the local stack on the chosen backend and the built site
// (`node build`, the production server: SvelteKit's CSRF check is off in the dev server).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createDatabase, dropDatabase } from '../../scripts/stack/db.ts';
import { freePort, startStack, type Stack } from '../../scripts/stack/index.ts';

export type Backend = 'pglite' | 'postgres';

export interface TestEnv {
	backend: Backend;
	appUrl: string;
	supabaseUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
}

export const PG_SERVER_URL = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = new URL('../../', import.meta.url).pathname;

export interface Running {
	env: TestEnv;
	stack: Stack;
	stop(): Promise<void>;
}

export async function startTestEnv(backend: Backend, appEnv: Record<string, string> = {}, appPort?: number): Promise<Running> {
	if (!existsSync(`${root}build/index.js`)) throw new Error('build/ is missing: run `vite build` before the tests');
	const dbName = `buurtplein_test_${process.pid}_${Date.now() % 100000}`;
	const databaseUrl = backend === 'postgres' ? await createDatabase(PG_SERVER_URL, dbName) : undefined;
	const stack = await startStack({ databaseUrl, dataDir: null, seed: true, log: () => {} });
	const port = appPort ?? (await freePort());
	const env: TestEnv = {
		backend,
		appUrl: `http://127.0.0.1:${port}`,
		supabaseUrl: stack.url,
		anonKey: stack.anonKey,
		serviceRoleKey: stack.serviceRoleKey,
		jwtSecret: stack.jwtSecret
	};
	const app = await startApp(port, {
		SUPABASE_URL: stack.url,
		SUPABASE_ANON_KEY: stack.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
		SUPABASE_JWT_SECRET: stack.jwtSecret,
		...appEnv
	});
	return {
		env,
		stack,
		async stop() {
			await stopApp(app);
			await stack.stop();
			if (backend === 'postgres') await dropDatabase(PG_SERVER_URL, dbName);
		}
	};
}

/**
 * The built site on a port, with client addresses taken from X-Forwarded-For. When it exits before
 * answering, the error carries what it printed (e.g. its refusal of development settings).
 */
export async function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			// As scripts/dev.ts: photo uploads are up to 10 MB.
			BODY_SIZE_LIMIT: '11M',
			ORIGIN: `http://127.0.0.1:${port}`,
			// Lets each test act from its own address, so rate limits are tested, not tripped over.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			// Tests never reach the internet: maps use the built-in style, and the address service is a
			// closed local port unless a test starts the stand-in (tests/support/pdok.ts) and names it.
			PUBLIC_MAP_STYLE_URL: 'offline',
			PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9/bzk/locatieserver/search/v3_1/free',
			...env
		},
		stdio: ['ignore', 'inherit', 'pipe']
	});
	let printed = '';
	child.stderr!.on('data', (chunk: Buffer) => {
		if (printed.length < 10_000) printed += chunk.toString();
		process.stderr.write(chunk);
	});
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			if (!child.stderr!.closed) await new Promise((r) => child.stderr!.once('close', r));
			throw new Error(`the site exited with code ${child.exitCode}: ${printed.trim()}`);
		}
		try {
			await fetch(`http://127.0.0.1:${port}/favicon.svg`);
			return child;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error('the site did not start within 20 s');
}

export async function stopApp(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}
