import { describe, expect, it } from 'vitest';
import { exportHtml, renderValue } from './render';

describe('the readable export', () => {
	it('escapes what people wrote', () => {
		const html = renderValue({ about: '<script>alert(1)</script> & "x"' });
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
	});

	it('shows records, lists and empty values', () => {
		expect(renderValue([{ a: 1 }, { a: 2 }])).toBe('<ol><li><dl><dt>a</dt><dd>1</dd></dl></li><li><dl><dt>a</dt><dd>2</dd></dl></li></ol>');
		expect(renderValue(['x', 'y'])).toBe('x, y');
		expect(renderValue(null)).toContain('—');
		expect(renderValue(true)).toBe('✓');
	});

	it('is one page with every section and no script', () => {
		const html = exportHtml({ profile: { display_name: 'Anna' } }, {
			lang: 'nl', title: 'Mijn gegevens', generated: 'Gemaakt',
			sections: [{ title: 'Profiel', who: 'Jij', whoLabel: 'Wie', keys: ['profile'] }]
		});
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<dt>display_name</dt><dd>Anna</dd>');
		expect(html).not.toMatch(/<script|src=/);
	});
});

describe('how much a part holds', async () => {
	const { countOf } = await import('./sections');
	it('counts rows of lists, and a record as one', () => {
		expect(countOf({ display_name: 'Anna', interests: ['koken', 'lezen'], about: '' })).toBe(1);
		expect(countOf({ posts: [{ id: 1 }, { id: 2 }], matches: [{ id: 3 }], blocks: [] })).toBe(3);
		expect(countOf({ wijken: [], coordinator_of: [] })).toBe(0);
		expect(countOf(null)).toBe(0);
	});
});
