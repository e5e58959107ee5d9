// The photo form's two actions, for an initiative or a group: put up (or replace) the photo with its
// description, and take it away. The upload is a multipart post; bad input comes back as a 400 with a
// message per field and the description typed, and nothing is written until the photo was read,
// resized and stripped (save_foto writes the row and its files in one transaction).
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { messageKeyFor, requestOutage } from '$lib/server/db-errors';
import { translate } from '$lib/server/i18n';
import { ALT_MAX, MAX_PHOTO_BYTES } from './limits';
import { processPhoto } from './process.server';
import { altSchema } from './schema';

export type PhotoSubject = { kind: 'initiatief' | 'groep'; id: string };

type Errors = Record<string, string>;

/** A failure of the photo form, apart from the page's other forms (`form.foto`). */
function failure(status: number, errors: Errors, alt = '') {
	return fail(status, { foto: { values: { alt: alt.slice(0, ALT_MAX + 50) }, errors } });
}

function refused(err: { code?: string; hint?: string | null; message: string }, status: number, alt: string) {
	const outage = requestOutage();
	if (outage) return failure(503, { _form: translate(outage === 'in-doubt' ? 'err_unavailable_in_doubt' : 'err_unavailable_retry') }, alt);
	return failure(status === 403 || err.code === '42501' ? 403 : 400, { _form: translate(messageKeyFor(err, status)) }, alt);
}

function args(subject: PhotoSubject) {
	return { p_initiatief: subject.kind === 'initiatief' ? subject.id : null, p_groep: subject.kind === 'groep' ? subject.id : null } as {
		p_initiatief: string;
		p_groep: string;
	};
}

/** Where to go after a success: back to the page the form was on (one of the subject's own pages). */
function back(form: FormData | null, subject: PhotoSubject): string {
	const base = `/${subject.kind === 'initiatief' ? 'initiatieven' : 'groepen'}/${subject.id}`;
	const wanted = form?.get('terug');
	const path = typeof wanted === 'string' && /^(|\/bewerken|\/foto)$/.test(wanted.slice(base.length)) && wanted.startsWith(base) ? wanted : `${base}/foto`;
	return path;
}

export function photoSubject(kind: PhotoSubject['kind'], id: string): PhotoSubject {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not found' });
	return { kind, id };
}

export async function savePhoto(event: RequestEvent, subject: PhotoSubject) {
	if (!event.locals.user) return failure(401, { _form: translate('err_not_allowed') });
	// A multipart body a little over the file limit still gets a message per field; adapter-node's
	// BODY_SIZE_LIMIT (11M) cuts off anything far larger before it is read.
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_PHOTO_BYTES + 256 * 1024) {
		return failure(400, { foto: translate('foto_err_too_large') });
	}
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return failure(400, { _form: translate('err_form_unreadable') });
	}
	const rawAlt = typeof form.get('alt') === 'string' ? (form.get('alt') as string) : '';
	const file = form.get('foto');
	const hasFile = file instanceof File && file.size > 0;
	const errors: Errors = {};
	const alt = altSchema.safeParse(rawAlt);
	if (!alt.success) errors.alt = translate(alt.error.issues[0].message);
	const existing = hasFile ? null : await event.locals.supabase.from('fotos').select('id').eq(subject.kind === 'initiatief' ? 'initiatief_id' : 'groep_id', subject.id).maybeSingle();
	if (!hasFile && !existing?.data) errors.foto = translate('foto_err_file_required');
	if (hasFile && file.size > MAX_PHOTO_BYTES) errors.foto = translate('foto_err_too_large');
	let processed: Awaited<ReturnType<typeof processPhoto>> | null = null;
	if (hasFile && !errors.foto) {
		processed = await processPhoto(Buffer.from(await file.arrayBuffer()));
		if (!processed.ok) errors.foto = translate(`foto_err_${processed.reason}`);
	}
	if (Object.keys(errors).length || !alt.success) return failure(400, errors, rawAlt);

	const result =
		processed && processed.ok
			? await event.locals.supabase.rpc('save_foto', {
					...args(subject),
					p_alt: alt.data,
					p_hash: processed.hash,
					p_bestanden: processed.files.map((f) => ({ width: f.width, height: f.height, data: f.data.toString('base64') }))
				})
			: await event.locals.supabase.rpc('set_foto_alt', { ...args(subject), p_alt: alt.data });
	if (result.error) return refused(result.error, result.status, rawAlt);
	redirect(303, `${back(form, subject)}?foto=bewaard`);
}

export async function removePhoto(event: RequestEvent, subject: PhotoSubject) {
	if (!event.locals.user) return failure(401, { _form: translate('err_not_allowed') });
	let form: FormData | null = null;
	try {
		form = await event.request.formData();
	} catch {
		form = null;
	}
	const { error: err, status } = await event.locals.supabase.rpc('remove_foto', args(subject));
	if (err) return refused(err, status, '');
	redirect(303, `${back(form, subject)}?foto=weg`);
}
