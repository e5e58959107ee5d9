// Form actions that more than one page of a group offers (the group page, a meeting, the board): each
// parses its form, calls the one database function that acts, and answers as the page expects.
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { rowId } from '$lib/fields';
import { parseForm } from '$lib/server/forms';
import { fileReport } from '$lib/reports/file.server';
import { answerSchema, hideSchema, tickSchema } from './schema';
import { callGroep, needsLogin, scoped } from './queries.server';

/** "Ik kom" / "ik kom niet" (for a ronde: "ik loop mee") for one meeting. */
export async function answerMeeting(event: RequestEvent, meetingId?: number) {
	const denied = needsLogin(event, 'answer');
	if (denied) return denied;
	const parsed = await parseForm(event.request, meetingId ? answerSchema : answerSchema.extend({ meetingId: rowId }));
	if ('failure' in parsed) return scoped('answer', parsed.failure);
	const id = meetingId ?? (parsed.data as unknown as { meetingId: number }).meetingId;
	const result = await callGroep(event, 'answer', 'answer_groep_meeting', { p_meeting: id, p_answer: parsed.data.answer });
	return 'failure' in result ? result.failure : { form: 'answer', done: 'answer', meetingId: id, answer: parsed.data.answer };
}

/** The owner or whoever leads ticks an actiepunt off, or opens it again. */
export async function tickActiepunt(event: RequestEvent) {
	const parsed = await parseForm(event.request, tickSchema);
	if ('failure' in parsed) return scoped('tick', parsed.failure);
	const result = await callGroep(event, 'tick', 'set_groep_actiepunt_done', { p_id: parsed.data.id, p_done: parsed.data.done === '1' });
	return 'failure' in result ? result.failure : { done: 'tick', id: parsed.data.id };
}

/** A trekker, the facilitator or a worker hides a board post, with a reason. */
export async function hidePost(event: RequestEvent) {
	const parsed = await parseForm(event.request, hideSchema);
	if ('failure' in parsed) return scoped('hide', parsed.failure);
	const result = await callGroep(event, 'hide', 'hide_groep_bericht', { p_id: parsed.data.id, p_reason: parsed.data.reason }, 'reason');
	return 'failure' in result ? result.failure : { done: 'hide', id: parsed.data.id };
}

/** "Meld dit" for the group itself or a board post; the database decides the wijk. */
export async function reportGroepContent(event: RequestEvent) {
	const denied = needsLogin(event, 'report');
	if (denied) return denied;
	const db = event.locals.supabase;
	const labels = async (subjectId: string) => {
		if (z.uuid().safeParse(subjectId).success) {
			return (await db.from('groepen').select('name').eq('id', subjectId).maybeSingle()).data?.name ?? '';
		}
		return (await db.from('groep_berichten').select('body').eq('id', Number(subjectId) || 0).maybeSingle()).data?.body ?? '';
	};
	const result = await fileReport(event.request, db, labels);
	return 'status' in result ? scoped('report', result) : result;
}
