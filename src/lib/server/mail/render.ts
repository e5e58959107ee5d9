// Mail bodies: plain text first (what every client shows), and a simple HTML version of the same
// words. Pure, so the escaping is unit-tested.

export interface MailContent {
	/** Paragraphs of plain text; a line break inside one is kept. */
	paragraphs: string[];
	/** The one thing to do, shown as a link under the text. */
	action?: { label: string; url: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** One paragraph of text as HTML: escaped, web addresses as links, line breaks kept. */
function paragraphHtml(text: string): string {
	const parts = text.split(/(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g);
	return parts
		.map((part, i) => (i % 2 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part)))
		.join('')
		.replace(/\r?\n/g, '<br>\n');
}

export function renderText(content: MailContent): string {
	const blocks = [...content.paragraphs];
	if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
	return blocks.join('\n\n');
}

export function renderHtmlBody(content: MailContent): string {
	const blocks = content.paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`);
	if (content.action) {
		blocks.push(
			`<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`
		);
	}
	return blocks.join('\n');
}

/** Plain text written elsewhere (an SQL function's mail) as HTML paragraphs. */
export function textToHtmlBody(text: string): string {
	return text
		.split(/\r?\n\s*\r?\n/)
		.filter((p) => p.trim())
		.map((p) => `<p>${paragraphHtml(p.trim())}</p>`)
		.join('\n');
}

/** The whole HTML document around a body and a footer (both already HTML). */
export function htmlDocument(locale: string, subject: string, body: string, footer: string): string {
	return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'nl'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:1em;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<div style="max-width:36em">
${body}
${footer ? `<hr style="border:0;border-top:1px solid #cccccc;margin:2em 0 1em">\n<div style="font-size:14px;color:#4a4a4a">${footer}</div>` : ''}
</div>
</body>
</html>
`;
}

export function footerHtml(lines: string[]): string {
	return lines.map((line) => `<p>${paragraphHtml(line)}</p>`).join('\n');
}
