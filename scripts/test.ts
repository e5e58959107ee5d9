// `npm test`: every test, in order, with what it needs installed first. Steps: generated types up to
// date, svelte-check, unit tests, build, integration tests on PGlite and on the PostgreSQL server, e2e
// in Debian's Chromium. `npm test -- --only unit,e2e` runs some; the last line counts the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
	const ok = result.status === 0;
	console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (!ok) failures.push(name);
	return ok;
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
if (built && wanted('integration')) {
	run('integration tests on PGlite', 'npx', ['vitest', 'run', '--config', 'tests/integration/vitest.config.ts', ...vitestReport('integration-pglite')], { TEST_BACKEND: 'pglite' });
	count(`${reports}/integration-pglite.json`, 'vitest');
}
if (built && (wanted('postgres') || (wanted('integration') && !only))) {
	if (await postgresReachable()) {
		run('integration tests on PostgreSQL', 'npx', ['vitest', 'run', '--config', 'tests/integration/vitest.config.ts', ...vitestReport('integration-postgres')], { TEST_BACKEND: 'postgres' });
		count(`${reports}/integration-postgres.json`, 'vitest');
	} else if (process.env.CI) {
		failures.push(`PostgreSQL server at ${pgServer} not reachable`);
	} else {
		console.warn(`\nPostgreSQL at ${pgServer} is not reachable: the integration tests ran on PGlite only.`);
	}
}
if (built && wanted('e2e')) {
	ensureChromium();
	run('e2e tests in Chromium', 'npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`
	});
	count(`${reports}/e2e.json`, 'playwright');
}

if (failures.length) console.log(`\nFailed steps: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
