import { describe, expect, it } from 'vitest';
import { groepSchema, leaveSchema, listFilterSchema, meetingSchema, minutesSchema, postSchema } from './schema';

const valid = {
	name: 'Moestuin Holtenbroek',
	purpose: 'Samen groente kweken op het veld achter de flat, elke zaterdag.',
	kind: 'thema_groep',
	themes: ['duurzaamheid'],
	area: 'BU01930601',
	joinMode: 'open',
	joinQuestion: '',
	visibility: 'openbaar'
};

function errors<S extends { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }>(schema: S, input: Record<string, unknown>) {
	const result = schema.safeParse(input);
	return result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('groepSchema', () => {
	it('accepts a group of a buurt, or of a whole wijk', () => {
		expect(groepSchema.parse(valid)).toMatchObject({ buurtCode: 'BU01930601', wijkCode: null });
		expect(groepSchema.parse({ ...valid, area: 'WK019306' })).toMatchObject({ buurtCode: null, wijkCode: 'WK019306' });
	});

	it('says per field what is wrong: name, purpose, kind, theme, area', () => {
		expect(errors(groepSchema, { ...valid, name: 'X', purpose: 'te kort', kind: 'club', themes: [], area: 'Zwolle' })).toEqual({
			name: 'err_too_short:3', purpose: 'err_too_short:20', kind: 'groep_err_kind', themes: 'groep_err_theme', area: 'groep_err_area'
		});
	});

	it('asks for the question only when joining is on request', () => {
		expect(errors(groepSchema, { ...valid, joinMode: 'op_verzoek', joinQuestion: '' })).toEqual({ joinQuestion: 'groep_err_question' });
		expect(groepSchema.parse({ ...valid, joinMode: 'op_verzoek', joinQuestion: 'In welke straat woon je?' }).joinQuestion).toBe('In welke straat woon je?');
	});
});

describe('meetingSchema', () => {
	const meeting = { kind: 'vergadering', title: 'Bewonersavond', day: '2030-03-12', start: '19:30', end: '21:00', placeKind: 'buurthuis', place: 'De Sprengen', agenda: '' };
	it('reads a meeting and how many weeks it repeats', () => {
		expect(meetingSchema.parse(meeting)).toMatchObject({ repeat: 0 });
		expect(meetingSchema.parse({ ...meeting, repeat: '4' })).toMatchObject({ repeat: 4 });
	});
	it('refuses an end before the start, a bad date and too many repeats', () => {
		expect(errors(meetingSchema, { ...meeting, end: '19:00' })).toEqual({ end: 'err_time_order' });
		expect(errors(meetingSchema, { ...meeting, day: '12-03-2030' })).toEqual({ day: 'err_date' });
		expect(errors(meetingSchema, { ...meeting, repeat: '13' })).toEqual({ repeat: 'groep_err_repeat' });
	});
});

describe('minutesSchema', () => {
	const owner = '00000000-0000-4000-8000-000000000012';
	it('reads besluiten as lines and skips empty actiepunt rows', () => {
		const result = minutesSchema.parse({
			body: 'Goed overleg.',
			besluiten: '- We maken een enquête\n\n2. Volgende keer in het buurthuis',
			apBody: ['Enquête rondbrengen', '', ''],
			apOwner: [owner, '', ''],
			apDue: ['2030-04-01', '', '']
		});
		expect(result).toEqual({
			body: 'Goed overleg.',
			besluiten: ['We maken een enquête', 'Volgende keer in het buurthuis'],
			actiepunten: [{ body: 'Enquête rondbrengen', owner, due: '2030-04-01' }]
		});
	});
	it('refuses an actiepunt without owner or due date, and empty minutes', () => {
		expect(errors(minutesSchema, { body: '', besluiten: '', apBody: ['Flyers'], apOwner: [''], apDue: ['2030-04-01'] })).toEqual({ actiepunten: 'groep_err_actiepunt_owner' });
		expect(errors(minutesSchema, { body: '', besluiten: '', apBody: ['Flyers'], apOwner: [owner], apDue: [''] })).toEqual({ actiepunten: 'groep_err_actiepunt_due' });
		expect(errors(minutesSchema, { body: '', besluiten: '' })).toEqual({ body: 'groep_err_minutes_empty' });
	});
});

describe('small forms and the list filters', () => {
	it('a reply names its post, a new post has no parent', () => {
		expect(postSchema.parse({ body: 'Ik help mee', parent: '12' })).toEqual({ body: 'Ik help mee', parent: 12 });
		expect(postSchema.parse({ body: 'Ik help mee' })).toEqual({ body: 'Ik help mee', parent: null });
	});
	it('leaving without a successor is null, a bad one an error', () => {
		expect(leaveSchema.parse({})).toEqual({ successor: null });
		expect(errors(leaveSchema, { successor: 'bram' })).toEqual({ successor: 'err_invalid' });
	});
	it('ignores unknown filters instead of failing', () => {
		expect(listFilterSchema.parse({ q: ' moestuin ', soort: 'club', thema: 'veiligheid', pagina: '-3' })).toEqual({ q: 'moestuin', soort: undefined, thema: 'veiligheid', gemeente: undefined, wijk: undefined, buurt: undefined, pagina: 1 });
	});
});
