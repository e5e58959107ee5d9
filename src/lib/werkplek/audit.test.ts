import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSentences } from './audit';

// Where the database builds an action from a prefix and a value ('initiatief_' || v_status), the
// values it can take, from the function's own check or case. A new prefix fails the test below.
const built: Record<string, string[]> = {
	report_: ['open', 'in_behandeling', 'afgehandeld'],
	initiatief_: ['gepubliceerd', 'aanpassing_gevraagd', 'afgewezen'],
	groep_: ['gepubliceerd', 'aanpassing_gevraagd', 'afgewezen'],
	rommelroute_: ['goedgekeurd', 'afgewezen', 'wijziging_afgewezen'],
	repair_cafe_: ['goedkeuren', 'afwijzen'],
	zorg_: ['beantwoord', 'signaal']
};

/** Split a SQL argument list on its top-level commas (not inside brackets or quotes). */
function splitArgs(text: string): string[] {
	const out: string[] = [];
	let depth = 0, quoted = false, start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === "'") quoted = !quoted;
		else if (!quoted && c === '(') depth++;
		else if (!quoted && c === ')') {
			if (depth === 0) { out.push(text.slice(start, i)); return out; }
			depth--;
		} else if (!quoted && depth === 0 && c === ',') { out.push(text.slice(start, i)); start = i + 1; }
	}
	out.push(text.slice(start));
	return out;
}

/** Every action the migrations write to the audit log. */
function actionsInMigrations(): { actions: Set<string>; prefixes: Set<string> } {
	const dir = join(process.cwd(), 'supabase/migrations');
	const actions = new Set<string>();
	const prefixes = new Set<string>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
		const sql = readFileSync(join(dir, file), 'utf8');
		for (const match of sql.matchAll(/insert into public\.audit_log\s*\(([^)]*)\)\s*values\s*\(/g)) {
			const columns = match[1].split(',').map((c) => c.trim());
			const args = splitArgs(sql.slice(match.index! + match[0].length));
			const action = args[columns.indexOf('action')];
			expect(action, `${file}: audit_log insert without an action`).toBeDefined();
			const literals = [...action.matchAll(/'([a-z_]+)'/g)].map((l) => l[1]);
			if (action.includes('||')) literals.forEach((l) => prefixes.add(l));
			else literals.forEach((l) => actions.add(l));
		}
	}
	return { actions, prefixes };
}

describe('the decision log in words', () => {
	const found = actionsInMigrations();

	it('finds the actions the database writes', () => {
		expect(found.actions).toContain('initiatief_geclaimd');
		expect(found.actions).toContain('help_file_for_resident');
		expect(found.actions.size).toBeGreaterThan(20);
	});

	it('has a sentence for every action a migration writes', () => {
		const missing = [...found.actions].filter((a) => !auditSentences[a]);
		expect(missing, 'actions without a sentence in src/lib/werkplek/audit.ts').toEqual([]);
	});

	it('knows every prefix the database builds actions from, and has a sentence for each value', () => {
		expect([...found.prefixes].filter((p) => !built[p]), 'add the prefix and its values to `built`').toEqual([]);
		const missing = Object.entries(built).flatMap(([prefix, values]) => values.map((v) => prefix + v)).filter((a) => !auditSentences[a]);
		expect(missing).toEqual([]);
	});

	it('says each sentence in Dutch and English, never the key', () => {
		const nl = JSON.parse(readFileSync(join(process.cwd(), 'src/lib/werkplek/messages/nl.json'), 'utf8'));
		const en = JSON.parse(readFileSync(join(process.cwd(), 'src/lib/werkplek/messages/en.json'), 'utf8'));
		for (const action of Object.keys(auditSentences)) {
			expect(nl[`werkplek_log_${action}`], action).toBeTruthy();
			expect(en[`werkplek_log_${action}`], action).toBeTruthy();
			expect(auditSentences[action]()).not.toBe(action);
		}
	});
});
