// Words for codes, in the visitor's language: categories, time slots, tags and match states.
import { m } from '$lib/paraglide/messages';

type Message = (params?: Record<string, unknown>) => string;
const messages = m as unknown as Record<string, Message | undefined>;

function label(key: string, fallback: string): string {
	return messages[key]?.() ?? fallback;
}

export const categoryLabel = (code: string) => label(`help_cat_${code}`, code);
export const statusLabel = (code: string) => label(`help_status_${code}`, code);
export const outcomeLabel = (code: string) => label(`help_outcome_${code}`, code);
export const tagLabel = (code: string) => label(`tag_${code}`, code);

const dayNames: Record<string, string> = { ma: 'day_ma', di: 'day_di', wo: 'day_wo', do: 'day_do', vr: 'day_vr', za: 'day_za', zo: 'day_zo' };

/** "di-middag" → "dinsdag middag" */
export function slotLabel(slot: string): string {
	const [day, part] = slot.split('-');
	return `${label(dayNames[day] ?? '', day)} ${label(`part_${part}`, part).toLowerCase()}`;
}

/** "600 m", "1,2 km" in Dutch, "1.2 km" in English. */
export function distanceText(meters: number, locale: string): string {
	if (meters < 1000) return `${meters} m`;
	return `${(meters / 1000).toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })} km`;
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${label('help_and', '&')} ${items.at(-1)}`;
}

/** One suggestion's reasons as a plain sentence: "woont 600 m verderop, ook dinsdag middag, houdt ook van tuinieren". */
export function reasonsText(reasons: import('./rank').Reason[], locale: string): string {
	return reasons
		.map((r) => {
			switch (r.kind) {
				case 'category':
					return m.help_why_category();
				case 'distance':
					return m.help_why_distance({ distance: distanceText(r.meters, locale) });
				case 'time':
					return m.help_why_time({ slots: list(r.slots.map(slotLabel)) });
				case 'date':
					return m.help_why_date();
				case 'shared':
					return m.help_why_shared({ tags: list(r.tags.map(tagLabel)) });
			}
		})
		.join(', ');
}

/** When, in words: "op 3 december" or "wekelijks: dinsdag middag, donderdag middag". */
export function whenText(post: { when_kind: string; on_date: string | null; slots: string[] }, locale: string): string {
	if (post.when_kind === 'eenmalig' && post.on_date) {
		const date = new Date(`${post.on_date}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long' });
		return m.help_when_on({ date });
	}
	return m.help_when_every({ slots: list(post.slots.map(slotLabel)) });
}
