import { describe, expect, it } from 'vitest';
import { closeSchema, helpForResidentSchema, helpPostSchema, messageSchema } from './schema';

const valid = { kind: 'vraag', category: 'boodschappen', description: 'Wie neemt mijn boodschappen mee?', whenKind: 'wekelijks', onDate: '', slots: ['di-middag'], buurtCode: 'BU01930601' };

/** The first message per field, as parseForm shows it. */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
	const out: Record<string, string> = {};
	for (const issue of result.error?.issues ?? []) out[String(issue.path[0])] ??= issue.message;
	return out;
}

describe('helpPostSchema', () => {
	it('accepts a complete weekly request, with care unticked', () => {
		const result = helpPostSchema.safeParse(valid);
		expect(result.success).toBe(true);
		expect(result.data?.needsCare).toBe(false);
	});

	it('answers every bad field with its own message', () => {
		const result = helpPostSchema.safeParse({ kind: 'koop', category: 'wapens', description: '<script>x</script>', whenKind: 'soms', onDate: '2020-13-45', slots: ['maandag'], buurtCode: 'Zwolle' });
		expect(errors(result)).toEqual({
			kind: 'help_err_kind',
			category: 'help_err_category',
			description: 'err_markup',
			whenKind: 'help_err_when',
			onDate: 'help_err_date',
			slots: 'err_choice',
			buurtCode: 'err_buurt'
		});
	});

	it('refuses an oversized description and a date in the past', () => {
		expect(errors(helpPostSchema.safeParse({ ...valid, description: 'x'.repeat(501) })).description).toBe('err_too_long:500');
		expect(errors(helpPostSchema.safeParse({ ...valid, whenKind: 'eenmalig', onDate: '2020-01-01' })).onDate).toBe('help_err_date_past');
	});

	it('needs a date for once and a time slot for weekly', () => {
		expect(errors(helpPostSchema.safeParse({ ...valid, whenKind: 'eenmalig', onDate: '' })).onDate).toBe('help_err_date_needed');
		expect(errors(helpPostSchema.safeParse({ ...valid, slots: [] })).slots).toBe('help_err_slots_needed');
	});
});

describe('other burenhulp forms', () => {
	it('a worker must give a real name and a valid phone number for an offline resident', () => {
		const result = helpForResidentSchema.safeParse({ ...valid, name: '', phone: 'bel me' });
		expect(errors(result)).toMatchObject({ name: 'err_required', phone: 'err_phone' });
	});

	it('a message is not empty and not too long; an outcome is from the list', () => {
		const id = '00000000-0000-4000-8000-000000000001';
		expect(errors(messageSchema.safeParse({ matchId: id, body: '   ' })).body).toBe('err_required');
		expect(errors(messageSchema.safeParse({ matchId: id, body: 'x'.repeat(2001) })).body).toBe('err_too_long:2000');
		expect(errors(messageSchema.safeParse({ matchId: 'x', body: 'hoi' })).matchId).toBe('err_invalid');
		expect(errors(closeSchema.safeParse({ matchId: id, outcome: 'super', thanks: '' })).outcome).toBe('help_err_outcome');
	});
});
