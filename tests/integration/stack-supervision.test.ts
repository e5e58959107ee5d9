// `npm start` as an operator runs it (issue 16): the site and the stack live and die together. A
// crashed site is started again; the stack process killed outright takes the site and PostgREST
// with it, so no orphan keeps answering 503. Process behaviour, not the database: run once, on PGlite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../scripts/stack/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const backend = process.env.TEST_BACKEND ?? 'pglite';

/** Whether the process still runs (a zombie waiting to be reaped does not). */
function alive(pid: number): boolean {
	if (existsSync('/proc/self/stat')) {
		try {
			return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
		} catch {
			return false;
		}
	}
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (await done()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what}: still not so after 60 s`);
}

const answers = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);

it.runIf(backend === 'pglite')('npm start restarts a crashed site, and killing it outright leaves no site or PostgREST behind', { timeout: 120_000 }, async () => {
	const [port, stackPort] = await Promise.all([freePort(), freePort()]);
	const dataDir = mkdtempSync(join(tmpdir(), 'buurtplein-supervision-'));
	const dev = spawn(process.execPath, ['scripts/dev.ts', '--production'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), STACK_PORT: String(stackPort), BUURTPLEIN_DATA_DIR: dataDir, SEED: '0' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	dev.stdout.on('data', (chunk) => (output += chunk));
	dev.stderr.on('data', (chunk) => (output += chunk));
	const sitePids = () => [...output.matchAll(/\[dev\] site started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
	const pids: number[] = [];
	try {
		await until('the site answers', () => answers(`http://127.0.0.1:${port}/`));
		const postgrest = Number(/PostgREST pid (\d+)/.exec(output)?.[1]);
		const [first] = sitePids();
		pids.push(postgrest, first);
		expect(alive(postgrest)).toBe(true);

		process.kill(first, 'SIGKILL');
		await until('the site is started again', () => sitePids().length === 2);
		await until('the site answers again', () => answers(`http://127.0.0.1:${port}/`));
		expect(output).toContain(`[dev] the site (pid ${first}) crashed (SIGKILL); starting it again`);
		const second = sitePids()[1];
		pids.push(second);

		process.kill(dev.pid!, 'SIGKILL');
		await until('the site and PostgREST are gone', () => !alive(second) && !alive(postgrest));
		expect(await answers(`http://127.0.0.1:${port}/`)).toBe(false);
	} finally {
		for (const pid of [dev.pid!, ...pids]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	}
});
