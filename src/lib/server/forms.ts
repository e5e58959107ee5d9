// Reads a form post into a schema. Bad input never throws: it comes back as a 400 with one message per
// field in the visitor's language and the values to put back, so nothing typed is lost. A post that
// meets an outage of PostgREST or the database comes back as a 503 with the same values.
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { currentEvent, requestOutage } from './db-errors';
import { translate } from './i18n';

/** Our largest form is a few kB; anything far bigger is refused before it is parsed. */
export const MAX_FORM_BYTES = 64 * 1024;

export type FieldErrors = Record<string, string>;
export interface FormFailure {
	values: Record<string, string | string[]>;
	errors: FieldErrors;
}

const SECRET_FIELDS = /password/i;

// Keyed by `locals`, which every copy of a request's event shares (see db-errors.ts).
const posted = new WeakMap<App.Locals, FormFailure['values']>();

/** What the person posted in this request (passwords left out), once parseForm has read it. */
export function postedValues(event: RequestEvent): FormFailure['values'] | undefined {
	return posted.get(event.locals);
}

/** A post's fields as strings, passwords left out: what may be echoed back to the person. */
export function echoable(form: FormData): FormFailure['values'] {
	return withoutSecrets(readFields(form, (key, count) => count > 1));
}

/** Every field as a string, or as a list where `isList` says so (checkbox groups). */
function readFields(form: FormData, isList: (key: string, count: number) => boolean): FormFailure['values'] {
	const values: FormFailure['values'] = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((value): value is string => typeof value === 'string');
		values[key] = isList(key, all.length) ? all : (all[0] ?? '');
	}
	return values;
}

function withoutSecrets(values: FormFailure['values']): FormFailure['values'] {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}

export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	{ arrays = [] as string[] } = {}
): Promise<{ data: z.infer<S> } | { failure: ActionFailure<FormFailure> }> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_FORM_BYTES) return { failure: formError('err_form_too_large') };
	let form: FormData;
	try {
		const raw = await request.text();
		if (raw.length > MAX_FORM_BYTES) return { failure: formError('err_form_too_large') };
		form = (await new Response(raw, { headers: request.headers }).formData()) as FormData;
	} catch {
		return { failure: formError('err_form_unreadable') };
	}
	const values = readFields(form, (key) => arrays.includes(key));
	for (const key of arrays) values[key] ??= [];
	const result = schema.safeParse(values);
	const keep = withoutSecrets(values);
	const event = currentEvent();
	if (event) posted.set(event.locals, keep);
	if (!result.success) {
		const errors: FieldErrors = {};
		for (const issue of result.error.issues) {
			const field = String(issue.path[0] ?? '_form');
			errors[field] ??= translate(issue.message);
		}
		return { failure: fail(400, { values: keep, errors }) };
	}
	return { data: result.data };
}

/**
 * A failure that belongs to the form as a whole (shown above it), or to one field, with the values
 * posted (unless others are given). When this request found PostgREST or the database unreachable,
 * whatever went wrong, it is a 503 that asks to try again later (or, when a write may have been saved
 * as its connection broke, to look first), with nothing typed lost.
 */
export function formError(key: string, field = '_form', values?: FormFailure['values']): ActionFailure<FormFailure> {
	const event = currentEvent();
	const kept = values ?? (event && posted.get(event.locals)) ?? {};
	const outage = requestOutage(event);
	if (outage) return fail(503, { values: kept, errors: { _form: translate(outage === 'in-doubt' ? 'err_unavailable_in_doubt' : 'err_unavailable_retry') } });
	return fail(400, { values: kept, errors: { [field]: translate(key) } });
}
