// One stored file of a photo, read through the visitor's own client: RLS lets it through exactly when
// its initiative or group may be read. The address holds the photo's id (new for every upload) and the
// files' hash, so what it shows never changes: browsers keep it for a year without asking again.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { parsePhotoFile } from '$lib/photos/photos';
import { must } from '$lib/server/db-errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const file = parsePhotoFile(params.bestand);
	if (!file || !z.uuid().safeParse(params.id).success) error(404, { message: 'not found' });
	const etag = `"${file.hash}-${file.width}"`;
	// Logged in, the photo may be one only this person reads: no shared cache keeps it.
	const cacheControl = `${locals.user ? 'private' : 'public'}, max-age=31536000, immutable`;
	const found = must(
		await locals.supabase
			.from('foto_bestanden')
			.select('bytes, fotos!inner(hash)')
			.eq('foto_id', params.id)
			.eq('width', file.width)
			.eq('fotos.hash', file.hash)
			.maybeSingle(),
		'foto file'
	);
	if (!found) error(404, { message: 'not found' });
	if (request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
	}
	// PostgREST sends bytea as hex text (`\x…`).
	const bytes = Buffer.from((found.bytes as string).slice(2), 'hex');
	return new Response(bytes, {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(bytes.length),
			'cache-control': cacheControl,
			etag,
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		}
	});
};
