// `npm test`: every test, in order, with what it needs installed first. Steps: generated types up to
// date, svelte-check, unit tests, build, integration tests on PGlite and on the PostgreSQL server, e2e
// in Debian's Chromium. `npm test -- --only=unit,e2e` runs some; the three suites after the build run side by side (TEST_SERIAL=1: one by one); the last line counts the tests.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const root = new URL('../', import.meta.url).pathname;
const reports = `${root}test-results/reports`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pgServer = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : null;
const wanted = (step: string) => !only || only.includes(step);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
	const started = Date.now();
	console.log(`\n━━ ${name} ━━`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return finish(name, result.status, started);
}

/** Prints a step's result line and records a failure; true when it passed. */
function finish(name: string, status: number | null, started: number): boolean {
	const ok = status === 0;
	console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (!ok) failures.push(name);
	return ok;
}

interface Suite {
	name: string;
	command: string;
	args: string[];
	env: Record<string, string>;
	report: [string, 'vitest' | 'playwright'];
}

/** Runs a suite with its output in a log file, printed whole (with its result) when it ends. */
function runLogged(suite: Suite): Promise<void> {
	const started = Date.now();
	const log = `${reports}/${suite.name.replace(/\W+/g, '-')}.log`;
	console.log(`━━ ${suite.name}: started (output follows when it ends)`);
	return new Promise((resolve) => {
		const out = openSync(log, 'w');
		const child = spawn(suite.command, suite.args, { cwd: root, stdio: ['ignore', out, out], env: { ...process.env, ...suite.env } });
		// A command that cannot start emits 'error' and then 'close' with no status: a failure, not a crash.
		child.on('error', (error) => console.error(`${suite.name}: ${error.message}`));
		child.on('close', (status) => {
			closeSync(out);
			console.log(`\n━━ ${suite.name} ━━`);
			process.stdout.write(readFileSync(log, 'utf8'));
			finish(suite.name, status, started);
			resolve();
		});
	});
}

/** Adds a vitest or Playwright JSON report's counts to the totals. */
function count(report: string, kind: 'vitest' | 'playwright') {
	if (!existsSync(report)) return;
	const data = JSON.parse(readFileSync(report, 'utf8'));
	if (kind === 'vitest') {
		passed += data.numPassedTests ?? 0;
		failed += data.numFailedTests ?? 0;
		skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
	} else {
		passed += (data.stats?.expected ?? 0) + (data.stats?.flaky ?? 0);
		failed += data.stats?.unexpected ?? 0;
		skipped += data.stats?.skipped ?? 0;
	}
}

async function postgresReachable(): Promise<boolean> {
	const client = new pg.Client({ connectionString: pgServer, connectionTimeoutMillis: 3000 });
	client.on('error', () => {}); // a failure shows in connect()'s rejection
	try {
		await client.connect();
		await client.end();
		return true;
	} catch {
		return false;
	}
}

function ensureChromium() {
	if (existsSync(chromium)) return;
	if (process.getuid?.() !== 0) throw new Error(`${chromium} is missing: install Debian's chromium package (apt-get install chromium)`);
	console.log('Installing Chromium from Debian (once)...');
	spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	if (install.status !== 0 || !existsSync(chromium)) throw new Error('could not install chromium');
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${reports}/${name}.json`];

if (wanted('types')) run('database types', process.execPath, ['scripts/gen-types.ts', '--check']);
// The messages are compiled by the Vite plugin during a build; svelte-check runs before one.
const compileMessages = 'npx paraglide-js compile --project ./project.inlang --outdir ./src/lib/paraglide';
if (wanted('check')) run('svelte-check', 'sh', ['-c', `${compileMessages} && npx svelte-kit sync && npx svelte-check --tsconfig ./tsconfig.json --threshold error --output machine`]);
if (wanted('unit')) {
	run('unit tests', 'npx', ['vitest', 'run', ...vitestReport('unit')]);
	count(`${reports}/unit.json`, 'vitest');
}
const needsBuild = ['integration', 'postgres', 'e2e'].some(wanted);
const built = needsBuild ? run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) : false;
// The three suites after the build are independent (each starts its own stack, database and site on
// free ports), so they run side by side; each one's output is printed whole when it ends.
// TEST_SERIAL=1 runs them one after another with their output live.
const suites: Suite[] = [];
if (built && wanted('integration')) {
	suites.push({ name: 'integration tests on PGlite', command: 'npx', args: ['vitest', 'run', '--config', 'tests/integration/vitest.config.ts', ...vitestReport('integration-pglite')], env: { TEST_BACKEND: 'pglite' }, report: [`${reports}/integration-pglite.json`, 'vitest'] });
}
if (built && (wanted('postgres') || (wanted('integration') && !only))) {
	if (await postgresReachable()) {
		suites.push({ name: 'integration tests on PostgreSQL', command: 'npx', args: ['vitest', 'run', '--config', 'tests/integration/vitest.config.ts', ...vitestReport('integration-postgres')], env: { TEST_BACKEND: 'postgres' }, report: [`${reports}/integration-postgres.json`, 'vitest'] });
	} else if (process.env.CI) {
		failures.push(`PostgreSQL server at ${pgServer} not reachable`);
	} else {
		console.warn(`\nPostgreSQL at ${pgServer} is not reachable: the integration tests ran on PGlite only.`);
	}
}
if (built && wanted('e2e')) {
	ensureChromium();
	suites.push({ name: 'e2e tests in Chromium', command: 'npx', args: ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` }, report: [`${reports}/e2e.json`, 'playwright'] });
}
if (process.env.TEST_SERIAL === '1') {
	for (const suite of suites) run(suite.name, suite.command, suite.args, suite.env);
} else {
	await Promise.all(suites.map(runLogged));
}
for (const suite of suites) count(...suite.report);

if (failures.length) console.log(`\nFailed steps: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
