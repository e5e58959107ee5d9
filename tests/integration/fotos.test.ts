// Photos of initiatives and groups through the built site, as a browser without JavaScript posts the
// multipart form, and through PostgREST as each role: who may put one up, who may see it (exactly who
// may read its initiative or group), replacing and removing it, and the 400s that write nothing.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident, type Resident } from '../support/burenhulp.ts';
import { anon, asUser, Browser, demo, fieldErrors, service } from '../support/clients.ts';
import { join, publishedGroep } from '../support/groepen.ts';
import { createInitiatief } from '../support/initiatieven.ts';

const env = inject('env');
const db = () => service(env);

let author: Resident;
let stranger: Resident;
let worker: Awaited<ReturnType<typeof asUser>>;

beforeAll(async () => {
	[author, stranger] = await Promise.all([newResident(env, 'Fenna Foto'), newResident(env, 'Sven Vreemd')]);
	worker = await asUser(env, demo.workerZwolle);
});

/** A phone photo: 1600×1000 JPEG with the camera and the GPS position in its EXIF. */
function phonePhoto(color = { r: 30, g: 140, b: 90 }, width = 1600, height = 1000): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: color } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'Fonecam', Model: 'Buurt 1' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 5/1 40/1' }
		})
		.toBuffer();
}

/** Posts a multipart form as a browser without JavaScript does. */
async function postPhoto(browser: Browser, path: string, fields: Record<string, string>, file?: { data: Buffer; name: string; type: string }) {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	if (file) form.append('foto', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
	const response = await fetch(env.appUrl + path, {
		method: 'POST',
		body: form,
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: env.appUrl,
			'x-forwarded-for': browser.address,
			cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
	return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

const jpeg = async (color?: { r: number; g: number; b: number }) => ({ data: await phonePhoto(color), name: 'IMG_0001.jpg', type: 'image/jpeg' });

async function photoOf(column: 'initiatief_id' | 'groep_id', id: string) {
	return (await db().from('fotos').select('id, alt, width, height, widths, hash').eq(column, id).maybeSingle()).data;
}

/** The status of each stored width's address for this browser (a visitor when not signed in). */
async function fetchFile(photo: { id: string; hash: string }, width: number, browser?: Browser, headers: Record<string, string> = {}) {
	const cookie = browser ? [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
	return fetch(`${env.appUrl}/foto/${photo.id}/${photo.hash}-${width}.webp`, { headers: { cookie, ...headers } });
}

describe('a photo on an initiative', () => {
	let id: string;
	let browser: Browser;

	beforeAll(async () => {
		id = await createInitiatief(author.db);
		browser = await new Browser(env).signIn(author.id);
	});

	it('the author puts one up from the edit page: resized to three widths, WebP, without EXIF', async () => {
		const edit = await browser.get(`/initiatieven/${id}/bewerken`);
		expect(edit.body).toContain(`action="/initiatieven/${id}/foto?/bewaren"`);
		expect(edit.body).toContain('enctype="multipart/form-data"');
		const response = await postPhoto(browser, `/initiatieven/${id}/foto?/bewaren`, { alt: '  Buren timmeren bloembakken op de galerij  ', terug: `/initiatieven/${id}/bewerken` }, await jpeg());
		expect(response.status).toBe(303);
		expect(response.location).toBe(`/initiatieven/${id}/bewerken?foto=bewaard`);
		const photo = (await photoOf('initiatief_id', id))!;
		expect(photo).toMatchObject({ alt: 'Buren timmeren bloembakken op de galerij', width: 1280, height: 800, widths: [320, 640, 1280] });
		const files = (await db().from('foto_bestanden').select('width, height, bytes').eq('foto_id', photo.id).order('width')).data!;
		expect(files.map((f) => [f.width, f.height])).toEqual([[320, 200], [640, 400], [1280, 800]]);
		for (const file of files) {
			const bytes = Buffer.from((file.bytes as string).slice(2), 'hex');
			const meta = await sharp(bytes).metadata();
			expect([meta.format, meta.width, meta.exif]).toEqual(['webp', file.width, undefined]);
			expect(bytes.includes(Buffer.from('Fonecam'))).toBe(false);
		}
		// The author reads it (private, immutable, as WebP).
		const own = await fetchFile(photo, 640, browser);
		expect(own.status).toBe(200);
		expect(own.headers.get('content-type')).toBe('image/webp');
		expect(own.headers.get('x-content-type-options')).toBe('nosniff');
		expect(own.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
		expect((await sharp(Buffer.from(await own.arrayBuffer())).metadata()).width).toBe(640);
	});

	it('takes a full-size photo of several MB (8 megapixels of noise: the most detail a file can have)', { timeout: 90_000 }, async () => {
		const other = await createInitiatief(author.db);
		const big = await sharp({ create: { width: 3264, height: 2448, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
		expect(big.length).toBeGreaterThan(2_500_000);
		expect(big.length).toBeLessThan(10 * 1024 * 1024);
		const response = await postPhoto(browser, `/initiatieven/${other}/foto?/bewaren`, { alt: 'Ruis van heel dichtbij' }, { data: big, name: 'IMG_9999.jpg', type: 'image/jpeg' });
		expect(response.status).toBe(303);
		const photo = (await photoOf('initiatief_id', other))!;
		expect([photo.width, photo.height, photo.widths]).toEqual([1280, 960, [320, 640, 1280]]);
		expect((await fetchFile(photo, 1280, browser)).status).toBe(200);
	});

	it('is seen exactly by who may read the initiative: nobody else while it is a concept, the wijk once submitted, everyone once published', async () => {
		const photo = (await photoOf('initiatief_id', id))!;
		const workerBrowser = await new Browser(env).signIn(demo.workerZwolle);
		const strangerBrowser = await new Browser(env).signIn(stranger.id);
		const seen = async () => ({
			visitor: (await fetchFile(photo, 320)).status,
			resident: (await fetchFile(photo, 320, strangerBrowser)).status,
			worker: (await fetchFile(photo, 320, workerBrowser)).status,
			author: (await fetchFile(photo, 320, browser)).status,
			rows: {
				visitor: (await anon(env).from('foto_bestanden').select('width').eq('foto_id', photo.id)).data!.length,
				resident: (await stranger.db.from('fotos').select('id').eq('id', photo.id)).data!.length,
				worker: (await worker.from('fotos').select('id').eq('id', photo.id)).data!.length
			}
		});
		expect(await seen()).toEqual({ visitor: 404, resident: 404, worker: 404, author: 200, rows: { visitor: 0, resident: 0, worker: 0 } });
		expect((await author.db.rpc('save_initiatief', { ...(await import('../support/initiatieven.ts')).validInitiatief, p_id: id, p_submit: true })).error).toBeNull();
		expect(await seen()).toEqual({ visitor: 404, resident: 404, worker: 200, author: 200, rows: { visitor: 0, resident: 0, worker: 1 } });
		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error).toBeNull();
		expect(await seen()).toEqual({ visitor: 200, resident: 200, worker: 200, author: 200, rows: { visitor: 3, resident: 1, worker: 1 } });
		const visitor = await fetchFile(photo, 1280);
		expect(visitor.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const etag = visitor.headers.get('etag')!;
		expect((await fetchFile(photo, 1280, undefined, { 'if-none-match': etag })).status).toBe(304);
		// Another hash or a width that was not stored is not there.
		expect((await fetchFile({ ...photo, hash: '0000000000000000' }, 320)).status).toBe(404);
		expect((await fetchFile(photo, 999)).status).toBe(404);
	});

	it('shows on the detail page and the list as a responsive image with its alt text and size', async () => {
		const photo = (await photoOf('initiatief_id', id))!;
		const page = await new Browser(env).get(`/initiatieven/${id}`);
		const img = /<img class="photo[^"]*"[^>]*>/.exec(page.body)?.[0] ?? '';
		expect(img).toContain(`srcset="/foto/${photo.id}/${photo.hash}-320.webp 320w, /foto/${photo.id}/${photo.hash}-640.webp 640w, /foto/${photo.id}/${photo.hash}-1280.webp 1280w"`);
		expect(img).toContain('width="1280"');
		expect(img).toContain('height="800"');
		expect(img).toContain('alt="Buren timmeren bloembakken op de galerij"');
		expect(img).toContain('sizes=');
		const list = await new Browser(env).get(`/initiatieven?q=${encodeURIComponent('bloembakken galerij')}`);
		expect(list.body).toMatch(new RegExp(`<img class="photo[^"]*thumb[^"]*"[^>]*/foto/${photo.id}/`));
		expect(list.body).toContain('loading="lazy"');
	});

	it('refuses bad input with a message per field, keeps the description typed, and writes nothing', async () => {
		const before = (await photoOf('initiatief_id', id))!;
		const path = `/initiatieven/${id}/foto?/bewaren`;
		const bomb = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
		bomb.writeUInt32BE(20_000, 16);
		bomb.writeUInt32BE(20_000, 20);
		bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
		const cases: [Record<string, string>, { data: Buffer; name: string; type: string } | undefined, Record<string, string>][] = [
			[{ alt: 'Een tekst' }, { data: Buffer.from('dit is geen foto'), name: 'foto.jpg', type: 'image/jpeg' }, { 'foto-file': 'Dit is geen foto die we kunnen lezen. Kies een JPEG, PNG, WebP of AVIF.' }],
			[{ alt: 'Een bom' }, { data: bomb, name: 'bom.png', type: 'image/png' }, { 'foto-file': 'Deze foto heeft te veel pixels (meer dan 50 megapixel). Kies een kleinere.' }],
			[{ alt: 'Te groot' }, { data: Buffer.alloc(10 * 1024 * 1024 + 10), name: 'groot.jpg', type: 'image/jpeg' }, { 'foto-file': 'Deze foto is groter dan 10 MB. Kies een kleinere.' }],
			[{ alt: ' ' }, await jpeg(), { 'foto-alt': 'Beschrijf wat er op de foto staat (minstens 3 tekens).' }],
			[{ alt: 'x'.repeat(251) }, await jpeg(), { 'foto-alt': 'Hoogstens 250 tekens.' }]
		];
		for (const [fields, file, errors] of cases) {
			const response = await postPhoto(browser, path, fields, file);
			expect(response.status, JSON.stringify(errors)).toBe(400);
			expect(fieldErrors(response.body)).toEqual(errors);
			if (fields.alt.trim()) expect(response.body).toContain(`value="${fields.alt}"`);
		}
		expect(await photoOf('initiatief_id', id)).toEqual(before);
	});

	it('is replaced by a new upload (the old addresses are gone), its text changed alone, and removed', async () => {
		const before = (await photoOf('initiatief_id', id))!;
		const replaced = await postPhoto(browser, `/initiatieven/${id}/foto?/bewaren`, { alt: 'De bakken staan er, vol bloemen', terug: `/initiatieven/${id}` }, await jpeg({ r: 220, g: 60, b: 60 }));
		expect([replaced.status, replaced.location]).toEqual([303, `/initiatieven/${id}?foto=bewaard`]);
		const after = (await photoOf('initiatief_id', id))!;
		expect(after.id).not.toBe(before.id);
		expect(after.hash).not.toBe(before.hash);
		expect((await fetchFile(before, 320)).status).toBe(404);
		expect((await db().from('foto_bestanden').select('width').eq('foto_id', before.id)).data).toEqual([]);
		// No file: only the description changes (same files, same addresses).
		const text = await postPhoto(browser, `/initiatieven/${id}/foto?/bewaren`, { alt: 'Bloembakken vol geraniums', terug: 'https://elders.example/' });
		expect([text.status, text.location]).toEqual([303, `/initiatieven/${id}/foto?foto=bewaard`]);
		expect(await photoOf('initiatief_id', id)).toEqual({ ...after, alt: 'Bloembakken vol geraniums' });
		const removed = await postPhoto(browser, `/initiatieven/${id}/foto?/verwijderen`, { terug: `/initiatieven/${id}/foto` });
		expect([removed.status, removed.location]).toEqual([303, `/initiatieven/${id}/foto?foto=weg`]);
		expect(await photoOf('initiatief_id', id)).toBeNull();
		expect((await fetchFile(after, 320)).status).toBe(404);
		// Without a photo, a description alone is not enough.
		const none = await postPhoto(browser, `/initiatieven/${id}/foto?/bewaren`, { alt: 'Alleen tekst' });
		expect(none.status).toBe(400);
		expect(fieldErrors(none.body)).toEqual({ 'foto-file': 'Kies een foto.' });
	});

	it('nobody else puts a photo on your initiative; the workers of its wijk may', async () => {
		const other = await new Browser(env).signIn(stranger.id);
		expect((await other.get(`/initiatieven/${id}/foto`)).status).toBe(403);
		const response = await postPhoto(other, `/initiatieven/${id}/foto?/bewaren`, { alt: 'Niet van mij' }, await jpeg());
		expect(response.status).toBe(403);
		const direct = await stranger.db.rpc('save_foto', { p_initiatief: id, p_groep: null as unknown as string, p_alt: 'Niet van mij', p_hash: '0123456789abcdef', p_bestanden: [] });
		expect(direct.error?.code).toBe('42501');
		expect((await stranger.db.rpc('remove_foto', { p_initiatief: id, p_groep: null as unknown as string })).error?.code).toBe('42501');
		expect(await photoOf('initiatief_id', id)).toBeNull();
		// Nobody writes the tables directly.
		expect((await author.db.from('fotos').insert({ initiatief_id: id, alt: 'Direct', width: 1, height: 1, widths: [1], hash: '0123456789abcdef' })).error).not.toBeNull();
		// The worker of the wijk (a published initiative there).
		const workerBrowser = await new Browser(env).signIn(demo.workerZwolle);
		const byWorker = await postPhoto(workerBrowser, `/initiatieven/${id}/foto?/bewaren`, { alt: 'Foto van de opbouwwerker', terug: `/initiatieven/${id}` }, await jpeg());
		expect(byWorker.status).toBe(303);
		expect((await photoOf('initiatief_id', id))?.alt).toBe('Foto van de opbouwwerker');
		// A worker of another wijk may not.
		const almere = await new Browser(env).signIn(demo.workerAlmere);
		expect((await postPhoto(almere, `/initiatieven/${id}/foto?/verwijderen`, {})).status).toBe(403);
		expect(await photoOf('initiatief_id', id)).not.toBeNull();
	});

	it('answers in English when that is the chosen language', async () => {
		const english = await new Browser(env, undefined, 'en').signIn(author.id);
		const response = await postPhoto(english, `/initiatieven/${id}/foto?/bewaren`, { alt: '' }, { data: Buffer.from('nope'), name: 'x.png', type: 'image/png' });
		expect(fieldErrors(response.body)).toEqual({
			'foto-file': 'This is not a photo we can read. Choose a JPEG, PNG, WebP or AVIF.',
			'foto-alt': 'Describe what is in the photo (at least 3 characters).'
		});
	});
});

describe('a photo on a group', () => {
	it('whoever leads the group puts it up on the edit page; it follows the group’s visibility', async () => {
		const trekker = await newResident(env, 'Tom Trekker');
		const lid = await newResident(env, 'Lies Lid');
		const id = await publishedGroep(trekker.db, worker, { p_visibility: 'leden' });
		await join(lid.db, id).catch(() => undefined);
		await db().from('groep_leden').upsert({ groep_id: id, user_id: lid.id, role: 'lid' });
		const lead = await new Browser(env).signIn(trekker.id);
		expect((await lead.get(`/groepen/${id}/bewerken`)).body).toContain(`action="/groepen/${id}/foto?/bewaren"`);
		// A member who does not lead, and the coordinator (not its facilitator), may not.
		for (const who of [lid.id, demo.coordinatorZwolle]) {
			const b = await new Browser(env).signIn(who);
			expect((await postPhoto(b, `/groepen/${id}/foto?/bewaren`, { alt: 'Niet door mij' }, await jpeg())).status).toBe(403);
		}
		const response = await postPhoto(lead, `/groepen/${id}/foto?/bewaren`, { alt: 'De groep bij de moestuin', terug: `/groepen/${id}/bewerken` }, await jpeg());
		expect([response.status, response.location]).toEqual([303, `/groepen/${id}/bewerken?foto=bewaard`]);
		let photo = (await photoOf('groep_id', id))!;
		expect(photo.alt).toBe('De groep bij de moestuin');
		// The facilitator (the worker who published it) leads it too, and replaces it.
		const facilitator = await new Browser(env).signIn(demo.workerZwolle);
		expect((await postPhoto(facilitator, `/groepen/${id}/foto?/bewaren`, { alt: 'De groep bij de moestuin' }, await jpeg({ r: 10, g: 10, b: 200 }))).status).toBe(303);
		photo = (await photoOf('groep_id', id))!;
		const member = await new Browser(env).signIn(lid.id);
		const outsider = await new Browser(env).signIn(stranger.id);
		// Members only: the members read it, visitors and other residents do not.
		expect([(await fetchFile(photo, 320)).status, (await fetchFile(photo, 320, outsider)).status, (await fetchFile(photo, 320, member)).status]).toEqual([404, 404, 200]);
		expect((await lead.get(`/groepen/${id}`)).body).toContain(`alt="De groep bij de moestuin"`);
		// Made public, everyone does.
		const update = await trekker.db.rpc('update_groep', {
			p_id: id, p_name: 'Moestuin met foto', p_purpose: 'Samen groente kweken op het veld achter de flat, elke zaterdag.', p_kind: 'thema_groep',
			p_themes: ['duurzaamheid'], p_buurt_code: 'BU01930601', p_wijk_code: null as unknown as string, p_join_mode: 'open', p_join_question: '', p_visibility: 'openbaar'
		});
		expect(update.error).toBeNull();
		expect([(await fetchFile(photo, 320)).status, (await fetchFile(photo, 320, outsider)).status]).toEqual([200, 200]);
		expect((await new Browser(env).get(`/groepen/${id}`)).body).toContain(`/foto/${photo.id}/${photo.hash}-640.webp 640w`);
		// Removing the group removes its photo.
		expect((await db().from('groepen').delete().eq('id', id)).error).toBeNull();
		expect((await db().from('fotos').select('id').eq('id', photo.id)).data).toEqual([]);
	});
});

describe('who put a photo up', () => {
	it('is not readable by visitors or residents, only the photo itself', async () => {
		for (const db of [anon(env), await asUser(env, demo.bram)]) {
			const { error } = await db.from('fotos').select('id, created_by').limit(1);
			expect(error?.code).toBe('42501');
			const { error: plain } = await db.from('fotos').select('id, alt').limit(1);
			expect(plain).toBeNull();
		}
	});
});
