// Pure pieces of the wijkbeeld: the period, the months in it, bar geometry for the server-rendered
// SVG charts, the "< 5" rule for exports and the report, and CSV. Components render; this decides.

/** The first day of each month from `from` to `to` (YYYY-MM-DD), in order. */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let [y, mo] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	while (y < ty || (y === ty && mo <= tm)) {
		months.push(`${y}-${String(mo).padStart(2, '0')}-01`);
		mo += 1;
		if (mo > 12) {
			mo = 1;
			y += 1;
		}
	}
	return months;
}

/** The default period: the twelve months up to and including today's. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
	const [y, m] = today.split('-').map(Number);
	const start = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
	return { from: start, to: today };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period from the query string, or the default; null when it is not a sound one (max 3 years). */
export function periodFrom(params: URLSearchParams, today: string): { from: string; to: string } | null {
	const fallback = lastTwelveMonths(today);
	const from = params.get('van') || fallback.from;
	const to = params.get('tot') || fallback.to;
	if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return null;
	const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
	return days < 0 || days > 1100 ? null : { from, to };
}

export interface Bar {
	label: string;
	value: number;
	/** Offset and length in the chart's own units (0–100 of the plot width). */
	x: number;
	width: number;
}

/** Bars scaled to the largest value; a zero is a zero-width bar, never a missing one. */
export function bars(items: { label: string; value: number }[]): Bar[] {
	const max = Math.max(1, ...items.map((i) => i.value));
	return items.map((i) => ({ label: i.label, value: i.value, x: 0, width: (i.value / max) * 100 }));
}

/** In exports and the report a count per buurt under 5 (but not 0) is shown as "< 5". */
export function suppressed(n: number): string {
	return n > 0 && n < 5 ? '< 5' : String(n);
}

/** One CSV line per row (RFC 4180: quotes doubled, fields with , " or a line break quoted). */
export function csv(rows: (string | number)[][]): string {
	const field = (v: string | number) => {
		const s = String(v);
		// A leading = + - @ would be a formula in a spreadsheet: neutralise it.
		const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
		return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
	};
	return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
