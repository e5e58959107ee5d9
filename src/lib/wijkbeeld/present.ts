// The wijkbeeld as charts: one list of titled rows per figure, for the dashboard, the report and the
// figures CSV alike. With `suppress`, counts per buurt under 5 read "< 5" (exports and the report).
import { m } from '$lib/paraglide/messages';
import { themeLabel } from '$lib/themes';
import { label as initiatiefLabel, stageLabel as initiatiefStage } from '$lib/initiatieven/labels';
import { label as groepLabel, stageLabel as groepStage } from '$lib/groepen/labels';
import { categoryLabel } from '$lib/repair-cafe/labels';
import { formatDay } from '$lib/format';
import { suppressed } from './chart';

export interface Chart {
	id: string;
	title: string;
	labelHeader: string;
	valueHeader: string;
	rows: { label: string; value: number; shown?: string }[];
}

interface Row {
	month: string;
	buurt: string;
	theme: string;
	n: number;
}

export interface FigureData {
	signalen: Row[];
	stijgers: { buurt: string; theme: string; recent: number; before: number }[];
	initiatieven: { stage: string; theme: string; n: number }[];
	burenhulp: { figure: string; n: number }[];
	repairs: { category: string; items: number; fixed: number; repairable: number; end_of_life: number; kg_saved: number }[];
	visitors: number;
	rommelroute: { title: string; day: string; n?: number; stands: number }[];
	groepen: { stage: string; n: number }[];
	bereik: { buurt: string; residents: number }[];
}

const theme = (code: string) => themeLabel[code]?.() ?? code;

function monthLabel(month: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}T12:00:00Z`));
}

function sum<T>(rows: T[], by: (r: T) => string, value: (r: T) => number, order?: string[]): { key: string; n: number }[] {
	const totals = new Map<string, number>((order ?? []).map((k) => [k, 0]));
	for (const r of rows) totals.set(by(r), (totals.get(by(r)) ?? 0) + value(r));
	return [...totals].map(([key, n]) => ({ key, n }));
}

const burenhulpLabel: Record<string, () => string> = {
	vragen: m.wijkbeeld_help_vragen,
	aanbod: m.wijkbeeld_help_aanbod,
	matches: m.wijkbeeld_help_matches,
	uitkomst_geholpen: m.wijkbeeld_help_geholpen,
	uitkomst_niet_geholpen: m.wijkbeeld_help_niet_geholpen,
	uitkomst_contact_blijft: m.wijkbeeld_help_contact_blijft
};

export function charts(f: FigureData, months: string[], locale: string, { suppress = false } = {}): Chart[] {
	const perBuurt = (n: number) => (suppress ? suppressed(n) : undefined);
	const count = m.wijkbeeld_count();
	return [
		{
			id: 'trend',
			title: m.wijkbeeld_chart_trend(),
			labelHeader: m.wijkbeeld_month(),
			valueHeader: count,
			rows: sum(f.signalen, (r) => r.month, (r) => r.n, months).map((r) => ({ label: monthLabel(r.key, locale), value: r.n }))
		},
		{
			id: 'themes',
			title: m.wijkbeeld_chart_themes(),
			labelHeader: m.signaal_col_theme(),
			valueHeader: count,
			rows: sum(f.signalen, (r) => r.theme, (r) => r.n).sort((a, b) => b.n - a.n).map((r) => ({ label: theme(r.key), value: r.n }))
		},
		{
			id: 'buurten',
			title: m.wijkbeeld_chart_buurten(),
			labelHeader: m.signaal_col_buurt(),
			valueHeader: count,
			rows: sum(f.signalen, (r) => r.buurt, (r) => r.n).sort((a, b) => b.n - a.n).map((r) => ({ label: r.key, value: r.n, shown: perBuurt(r.n) }))
		},
		{
			id: 'initiatieven',
			title: m.wijkbeeld_chart_initiatieven(),
			labelHeader: m.wijkbeeld_stage(),
			valueHeader: m.wijkbeeld_count_theme(),
			rows: sum(f.initiatieven, (r) => r.stage, (r) => r.n).map((r) => ({ label: initiatiefLabel(initiatiefStage, r.key), value: r.n }))
		},
		{
			id: 'initiatief-themes',
			title: m.wijkbeeld_chart_initiatief_themes(),
			labelHeader: m.signaal_col_theme(),
			valueHeader: count,
			rows: sum(f.initiatieven, (r) => r.theme, (r) => r.n).map((r) => ({ label: theme(r.key), value: r.n }))
		},
		{
			id: 'burenhulp',
			title: m.wijkbeeld_chart_burenhulp(),
			labelHeader: m.wijkbeeld_what(),
			valueHeader: count,
			rows: f.burenhulp.map((r) => ({ label: burenhulpLabel[r.figure]?.() ?? r.figure, value: r.n }))
		},
		{
			id: 'repair',
			title: m.wijkbeeld_chart_repair({ visitors: f.visitors, kg: Math.round(f.repairs.reduce((s, r) => s + r.kg_saved, 0) * 10) / 10 }),
			labelHeader: m.wijkbeeld_what(),
			valueHeader: count,
			rows: [
				{ label: m.wijkbeeld_repair_fixed(), value: f.repairs.reduce((s, r) => s + r.fixed, 0) },
				{ label: m.wijkbeeld_repair_repairable(), value: f.repairs.reduce((s, r) => s + r.repairable, 0) },
				{ label: m.wijkbeeld_repair_end_of_life(), value: f.repairs.reduce((s, r) => s + r.end_of_life, 0) },
				...f.repairs.map((r) => ({ label: categoryLabel(r.category), value: r.items }))
			]
		},
		{
			id: 'rommelroute',
			title: m.wijkbeeld_chart_rommelroute(),
			labelHeader: m.wijkbeeld_edition(),
			valueHeader: m.wijkbeeld_stands(),
			rows: f.rommelroute.map((r) => ({ label: `${r.title} (${formatDay(r.day, locale)})`, value: r.stands }))
		},
		{
			id: 'groepen',
			title: m.wijkbeeld_chart_groepen(),
			labelHeader: m.wijkbeeld_stage(),
			valueHeader: count,
			rows: f.groepen.map((r) => ({ label: groepLabel(groepStage, r.stage), value: r.n }))
		},
		{
			id: 'bereik',
			title: m.wijkbeeld_chart_bereik(),
			labelHeader: m.signaal_col_buurt(),
			valueHeader: m.wijkbeeld_residents(),
			rows: f.bereik.map((r) => ({ label: r.buurt, value: r.residents, shown: perBuurt(r.residents) }))
		}
	];
}

/** The theme × buurt table of signals. */
export function matrix(f: FigureData) {
	const themes = [...new Set(f.signalen.map((r) => r.theme))].sort();
	const buurten = [...new Set(f.signalen.map((r) => r.buurt))].sort();
	const cell = (buurt: string, t: string) => f.signalen.filter((r) => r.buurt === buurt && r.theme === t).reduce((s, r) => s + r.n, 0);
	return { themes: themes.map((t) => ({ code: t, label: theme(t) })), rows: buurten.map((b) => ({ buurt: b, cells: themes.map((t) => cell(b, t)) })) };
}

export { theme as themeName };
