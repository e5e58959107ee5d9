import { describe, expect, it } from 'vitest';
import { htmlDocument, renderHtmlBody, renderText, textToHtmlBody } from './render';

describe('mail bodies', () => {
	it('say the same in text and in HTML, with the action as a link', () => {
		const content = { paragraphs: ['Hallo Anna,', 'Bram stelt een match voor.'], action: { label: 'Bekijk het voorstel', url: 'https://buurtplein.test/burenhulp/match/1' } };
		expect(renderText(content)).toBe('Hallo Anna,\n\nBram stelt een match voor.\n\nBekijk het voorstel:\nhttps://buurtplein.test/burenhulp/match/1');
		const html = renderHtmlBody(content);
		expect(html).toContain('<p>Bram stelt een match voor.</p>');
		expect(html).toContain('href="https://buurtplein.test/burenhulp/match/1"');
	});

	it('escapes what people wrote, so a message cannot inject markup', () => {
		const html = renderHtmlBody({ paragraphs: ['<script>alert(1)</script> & "quotes"'] });
		expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>');
	});

	it('turns plain text from SQL into paragraphs with links', () => {
		expect(textToHtmlBody('Hallo,\n\nKijk op https://x.test/a.\nTot ziens')).toBe(
			'<p>Hallo,</p>\n<p>Kijk op <a href="https://x.test/a">https://x.test/a</a>.<br>\nTot ziens</p>'
		);
	});

	it('is a complete document in the reader\'s language', () => {
		const doc = htmlDocument('en', 'A <subject>', '<p>x</p>', '');
		expect(doc).toContain('<html lang="en">');
		expect(doc).toContain('<title>A &lt;subject&gt;</title>');
	});
});
