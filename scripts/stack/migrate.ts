// Applies supabase/roles.sql, then every pending migration in order (each exactly once, recorded in the
// same table the Supabase CLI uses), then the seed files named in config.toml.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from './db.ts';

export const supabaseDir = new URL('../../supabase/', import.meta.url).pathname;

export interface MigrateResult {
	applied: string[];
	seeded: string[];
}

export async function migrate(db: Database, { seed }: { seed: boolean }): Promise<MigrateResult> {
	await db.exec(readFileSync(join(supabaseDir, 'roles.sql'), 'utf8'));
	await db.exec(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key, name text, statements text[]);
		create table if not exists supabase_migrations.seed_files (
			path text primary key, hash text not null);
	`);
	const done = new Set(
		(await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map(
			(row) => row.version
		)
	);
	const applied: string[] = [];
	for (const file of migrationFiles()) {
		const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
		if (done.has(version)) continue;
		const sql = readFileSync(join(supabaseDir, 'migrations', file), 'utf8');
		try {
			await db.exec(`begin;\n${sql}\n;commit;`);
		} catch (error) {
			await db.exec('rollback').catch(() => {});
			throw new Error(`migration ${file} failed: ${(error as Error).message}`);
		}
		await db.query(
			'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
			[version, rest.join('_'), [sql]]
		);
		applied.push(file);
	}
	const seeded: string[] = [];
	if (seed) {
		for (const path of seedFiles()) {
			const sql = readFileSync(path, 'utf8');
			const hash = createHash('sha256').update(sql).digest('hex');
			const name = relative(supabaseDir, path);
			const [row] = await db.query<{ hash: string }>(
				'select hash from supabase_migrations.seed_files where path = $1',
				[name]
			);
			if (row) continue; // seeds run once per database, as `supabase db reset` does
			try {
				await db.exec(`begin;\n${sql}\n;commit;`);
			} catch (error) {
				await db.exec('rollback').catch(() => {});
				// Seeds run once per file name: a renamed or split seed meets its own rows again.
				throw new Error(`seed ${name} failed: ${(error as Error).message} (demo data changed? \`npm run db:reset\` starts anew)`);
			}
			await db.query('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', [name, hash]);
			seeded.push(name);
		}
	}
	return { applied, seeded };
}

function migrationFiles(): string[] {
	const files = readdirSync(join(supabaseDir, 'migrations'))
		.filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
		.sort();
	// The version is the key in schema_migrations: two files with one version would skip the second.
	const versions = files.map((file) => file.split('_')[0]);
	const duplicate = versions.find((version, i) => versions.indexOf(version) !== i);
	if (duplicate) throw new Error(`two migrations share the version ${duplicate}: give one a later timestamp`);
	return files;
}

/** The seed files in the order config.toml's [db.seed] sql_paths lists them; globs sorted by name. */
export function seedFiles(): string[] {
	const config = readFileSync(join(supabaseDir, 'config.toml'), 'utf8');
	const list = /sql_paths\s*=\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
	const patterns = [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
	const files: string[] = [];
	for (const pattern of patterns) {
		const path = join(supabaseDir, pattern);
		if (!pattern.includes('*')) {
			files.push(path);
			continue;
		}
		const dir = path.slice(0, path.lastIndexOf('/'));
		const glob = new RegExp(`^${path.slice(dir.length + 1).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
		files.push(
			...readdirSync(dir)
				.filter((file) => glob.test(file))
				.sort()
				.map((file) => join(dir, file))
		);
	}
	return files;
}
