// The export as readable HTML: the same data as the JSON file, as nested lists and tables. Pure, so
// the page and the download use one renderer and its escaping is unit-tested.
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function scalar(value: unknown): string {
	if (value === null || value === undefined || value === '') return '<span class="muted">—</span>';
	if (typeof value === 'boolean') return value ? '✓' : '✗';
	return escapeHtml(String(value));
}

/** A value of the export as HTML: records as definition lists, lists as numbered lists. */
export function renderValue(value: unknown, depth = 0): string {
	if (Array.isArray(value)) {
		if (value.length === 0) return '<span class="muted">—</span>';
		if (value.every((v) => v === null || typeof v !== 'object')) return value.map(scalar).join(', ');
		return `<ol>${value.map((v) => `<li>${renderValue(v, depth + 1)}</li>`).join('')}</ol>`;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0) return '<span class="muted">—</span>';
		return `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${renderValue(v, depth + 1)}</dd>`).join('')}</dl>`;
	}
	return scalar(value);
}

export interface HtmlTexts {
	lang: string;
	title: string;
	generated: string;
	sections: { title: string; who: string; whoLabel: string; keys: string[] }[];
}

/** The whole export as one self-contained page (no scripts, no outside resources). */
export function exportHtml(data: Record<string, unknown>, texts: HtmlTexts): string {
	const body = texts.sections
		.map((s) => `<section><h2>${escapeHtml(s.title)}</h2><p><strong>${escapeHtml(s.whoLabel)}:</strong> ${escapeHtml(s.who)}</p>${s.keys
			.map((key) => `<h3><code>${escapeHtml(key)}</code></h3>${renderValue(data[key])}`)
			.join('')}</section>`)
		.join('\n');
	return `<!doctype html>
<html lang="${escapeHtml(texts.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5;overflow-wrap:anywhere}dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.15rem 1rem;margin:.25rem 0}dt{font-weight:600}dd{margin:0}.muted{color:#555}section{border-top:1px solid #ccc;margin-top:1.5rem}</style>
</head><body><h1>${escapeHtml(texts.title)}</h1><p>${escapeHtml(texts.generated)}</p>
${body}
</body></html>
`;
}
