// `npm run bench`: builds the site, then runs every scripts/bench/*.bench.ts in turn. Needs the
// PostgreSQL server (PG_SERVER_URL); each benchmark makes and drops its own scratch database.
// `npm run bench -- foundation` runs only the benchmarks whose name contains that word.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url).pathname;
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: new URL('../../', import.meta.url).pathname });
if (build.status !== 0) process.exit(1);
let failed = 0;
for (const file of files) {
	console.log(`\n═══ ${file} ═══`);
	const result = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
	if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
