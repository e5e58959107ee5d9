import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportLink, reportLinks } from './links';
import { reportTypeLabels } from './labels';

/** The subject types the database accepts: one `app.report_wijk_<type>` function each. */
function reportableTypes(): string[] {
	const dir = join(process.cwd(), 'supabase/migrations');
	const types = new Set<string>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
		for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/function app\.report_wijk_([a-z_]+)\s*\(/g)) types.add(match[1]);
	}
	return [...types].sort();
}

describe('report links', () => {
	const types = reportableTypes();

	it('finds the types in the migrations', () => {
		expect(types).toEqual(expect.arrayContaining(['initiatief', 'person', 'repair_cafe', 'rommelroute_stand', 'help_message']));
	});

	it('every type the database accepts links to its content and has a name', () => {
		expect(types.filter((t) => !reportLinks[t])).toEqual([]);
		expect(types.filter((t) => !reportTypeLabels[t])).toEqual([]);
	});

	it('links stay inside the site and carry the id', () => {
		for (const type of types) expect(reportLink(type, 'abc-1')).toMatch(/^\/[a-z-]+\/.*abc-1/);
		expect(reportLink('unknown', '1')).toBeNull();
	});
});
