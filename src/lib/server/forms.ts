// Reads a form post into a schema. Bad input never throws: it comes back as a 400 with one message per
// field in the visitor's language and the values to put back, so nothing typed is lost.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from './i18n';

/** Our largest form is a few kB; anything far bigger is refused before it is parsed. */
export const MAX_FORM_BYTES = 64 * 1024;

export type FieldErrors = Record<string, string>;
export interface FormFailure {
	values: Record<string, string | string[]>;
	errors: FieldErrors;
}

const SECRET_FIELDS = /password/i;

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
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((value): value is string => typeof value === 'string');
		values[key] = arrays.includes(key) ? all : (all[0] ?? '');
	}
	for (const key of arrays) values[key] ??= [];
	const result = schema.safeParse(values);
	const keep = Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
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

/** A failure that belongs to the form as a whole (shown above it), or to one field. */
export function formError(key: string, field = '_form', values: FormFailure['values'] = {}): ActionFailure<FormFailure> {
	return fail(400, { values, errors: { [field]: translate(key) } });
}
