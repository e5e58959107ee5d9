// The privacy statement promises what the retention functions do: a change to one limit without the
// other fails here. And the register says the same in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { register } from './register';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const sql = read('../../../supabase/migrations/20261208110100_retention.sql');
const nl = read('./PrivacyNl.svelte');
const en = read('./PrivacyEn.svelte');

describe('the retention rules in the privacy statement', () => {
	it.each([
		["interval '30 days'", '30 dagen na het aanmaken', '30 days after it was made'],
		["interval '1 year'", '1 jaar nadat een match is beëindigd', '1 year after a match ended'],
		["interval '3 months'", '3 maanden niets mee gebeurd', 'nothing happened with it for 3 months'],
		["interval '14 days'", '14 dagen daarna', '14 days later'],
		["interval '7 days'", 'na 7 dagen niet gebruiken', 'after 7 days unused'],
		["interval '1 day'", 'wissen we na 1 dag', 'erased after 1 day'],
		["created_at <= p_slot - interval '30 days' and sending_by is null", 'wissen we 30 dagen nadat we hem maakten', 'erased 30 days after we made it']
	])('%s', (limit, dutch, english) => {
		expect(sql).toContain(limit);
		expect(nl).toContain(dutch);
		expect(en).toContain(english);
	});

	it('lists the same processing in Dutch and English, every column filled', () => {
		expect(register('en')).toHaveLength(register('nl').length);
		for (const row of [...register('nl'), ...register('en')]) {
			for (const [key, value] of Object.entries(row)) expect(value.length, `${row.verwerking} ${key}`).toBeGreaterThan(5);
		}
	});
});
