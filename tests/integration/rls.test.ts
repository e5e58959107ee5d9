// The access matrix, through PostgREST as the app reaches it: every role tries to read what it must
// not. Passing means the database refuses, whatever the UI shows.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident } from '../support/burenhulp.ts';
import { anon, asUser, demo, service, signJwt } from '../support/clients.ts';

const env = inject('env');

const outsiders = {
	anon: () => Promise.resolve(anon(env)),
	'another resident': () => asUser(env, demo.bram),
	'a worker of another wijk': () => asUser(env, demo.workerAlmere),
	'the coordinator of another gemeente': () => asUser(env, demo.coordinatorAlmere)
};

describe.each(Object.entries(outsiders))('%s', (_name, connect) => {
	it("cannot read anna's sessions", async () => {
		const db = await connect();
		const { data } = await db.from('sessions').select('id, user_id').eq('user_id', demo.anna);
		expect(data ?? []).toEqual([]);
	});

	it('cannot read any password hash', async () => {
		const db = await connect();
		const { data, error } = await db.from('users').select('password_hash');
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it("cannot read anna's phone number or e-mail address", async () => {
		const db = await connect();
		const { data: contact } = await db.from('profile_private').select('phone').eq('user_id', demo.anna);
		expect(contact ?? []).toEqual([]);
		const { data: account } = await db.from('users').select('email').eq('id', demo.anna);
		expect(account ?? []).toEqual([]);
	});

	it('cannot read mail, one-time tokens or rate limits', async () => {
		const db = await connect();
		for (const table of ['email_outbox', 'auth_tokens', 'rate_limits'] as const) {
			const { data, error } = await db.from(table).select('*').limit(1);
			expect(data, table).toBeNull();
			expect(error?.code, table).toBe('42501');
		}
	});

	it('cannot make anyone an opbouwwerker in Zwolle', async () => {
		const db = await connect();
		const { error } = await db.rpc('set_worker_wijken', { p_user: demo.chantal, p_wijken: ['WK019309'] });
		expect(error).not.toBeNull();
		const { data } = await service(env).from('profiles').select('role').eq('id', demo.chantal).single();
		expect(data?.role).toBe('bewoner');
	});
});

describe('a visitor', () => {
	it('sees no profiles at all, but does see the public areas', async () => {
		const { data: profiles } = await anon(env).from('profiles').select('id');
		expect(profiles ?? []).toEqual([]);
		const { data: buurten } = await anon(env).from('buurten').select('code');
		expect(buurten?.length).toBeGreaterThanOrEqual(12);
	});
});

describe('a resident', () => {
	it("sees a neighbour's profile only with a reason (Bram joined Anna's initiative), never her private fields", async () => {
		const bram = await asUser(env, demo.bram);
		const { data } = await bram.from('profiles').select('display_name, interests').eq('id', demo.anna).single();
		expect(data?.display_name).toBe('Anna de Vries');
		expect((await bram.from('profile_private').select('phone').eq('user_id', demo.anna)).data).toEqual([]);
		// A new neighbour: the demo residents meet each other in other test files (matches, joins), in any order.
		const stranger = await newResident(env, 'Vreemde');
		expect((await stranger.db.from('profiles').select('id').eq('id', demo.anna)).data).toEqual([]);
	});

	it('reads their own contact details and sessions, but never the secret hash', async () => {
		const anna = await asUser(env, demo.anna);
		const { data } = await anna.from('profile_private').select('phone').eq('user_id', demo.anna).single();
		expect(data?.phone).toBe('06 12345678');
		const { error } = await anna.from('sessions').select('secret_hash');
		expect(error?.code).toBe('42501');
	});

	it('cannot promote themselves or edit a neighbour', async () => {
		const anna = await asUser(env, demo.anna);
		const promote = await anna.from('profiles').update({ role: 'admin' } as never).eq('id', demo.anna);
		expect(promote.error?.code).toBe('42501');
		const other = await anna.from('profiles').update({ display_name: 'Gekaapt' }).eq('id', demo.bram).select('id');
		expect(other.data).toEqual([]);
		const contact = await anna.from('profile_private').update({ phone: '0600000000' }).eq('user_id', demo.bram).select('user_id');
		expect(contact.data).toEqual([]);
		const { data } = await service(env).from('profiles').select('role').eq('id', demo.anna).single();
		expect(data?.role).toBe('bewoner');
	});

	it('cannot call the service-only functions', async () => {
		const anna = await asUser(env, demo.anna);
		const { error } = await anna.rpc('rate_limit_hit', { p_bucket: 'x', p_key: 'y', p_limit: 1, p_window_seconds: 60 });
		expect(error?.code).toBe('42501');
		const create = await anna.rpc('create_account', { p_email: 'x@example.test', p_password_hash: 'x', p_display_name: 'X', p_buurt_code: 'BU01930601' });
		expect(create.error?.code).toBe('42501');
	});
});

describe('an opbouwwerker of the wijk', () => {
	it("reads the contact details of residents of their wijken, and of nobody else's", async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: anna } = await worker.from('profile_private').select('phone').eq('user_id', demo.anna).single();
		expect(anna?.phone).toBe('06 12345678');
		const { data: email } = await worker.from('users').select('email').eq('id', demo.anna).single();
		expect(email?.email).toBe('anna@buurtplein.test');
		// Chantal lives in Stadshagen, which is not this worker's wijk.
		const { data: chantal } = await worker.from('profile_private').select('phone').eq('user_id', demo.chantal);
		expect(chantal).toEqual([]);
	});
});

describe('a coordinator', () => {
	it('makes a resident opbouwwerker of a wijk in their gemeente, logged in the audit log, and takes it back', async () => {
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		const outside = await coordinator.rpc('set_worker_wijken', { p_user: demo.chantal, p_wijken: ['WK003401'] });
		expect(outside.error?.code).toBe('42501');

		const { error } = await coordinator.rpc('set_worker_wijken', { p_user: demo.chantal, p_wijken: ['WK019309'] });
		expect(error).toBeNull();
		const { data: profile } = await service(env).from('profiles').select('role, worker_wijken(wijk_code)').eq('id', demo.chantal).single();
		expect(profile).toEqual({ role: 'opbouwwerker', worker_wijken: [{ wijk_code: 'WK019309' }] });
		const { data: log } = await coordinator.from('audit_log').select('actor_id, action').eq('subject_id', demo.chantal);
		expect(log).toContainEqual({ actor_id: demo.coordinatorZwolle, action: 'set_worker_wijken' });

		// As opbouwwerker, Chantal now reads contact details in Stadshagen (Werkeren is hers too).
		const { error: back } = await coordinator.rpc('set_worker_wijken', { p_user: demo.chantal, p_wijken: [] });
		expect(back).toBeNull();
		const { data: after } = await service(env).from('profiles').select('role').eq('id', demo.chantal).single();
		expect(after?.role).toBe('bewoner');
	});

	it('cannot make a coordinator or admin an opbouwwerker', async () => {
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		const { error } = await coordinator.rpc('set_worker_wijken', { p_user: demo.admin, p_wijken: ['WK019301'] });
		expect(error?.code).toBe('42501');
	});
});

describe('PostgREST refuses bad tokens', () => {
	const request = (token: string) =>
		fetch(`${env.supabaseUrl}/rest/v1/profiles?select=id&limit=1`, { headers: { apikey: env.anonKey, authorization: `Bearer ${token}` } });

	it('signed with the wrong secret', async () => {
		const token = await signJwt('not-the-secret-not-the-secret-not-the-secret', { role: 'authenticated', sub: demo.anna });
		expect((await request(token)).status).toBe(401);
	});

	it('expired', async () => {
		const token = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.anna }, -60);
		expect((await request(token)).status).toBe(401);
	});

	it('unsigned (alg none) or malformed', async () => {
		const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
		const payload = Buffer.from(JSON.stringify({ role: 'service_role', sub: demo.anna })).toString('base64url');
		expect((await request(`${header}.${payload}.`)).status).toBe(401);
		expect((await request('not-a-jwt')).status).toBe(401);
	});

	it('claiming a role that does not exist', async () => {
		const token = await signJwt(env.jwtSecret, { role: 'postgres_superuser_please', sub: demo.anna });
		expect((await request(token)).status).toBeGreaterThanOrEqual(400);
	});
});

describe('reports', () => {
	it('a resident reports a person; the wijk comes from the database, and only that wijk\'s workers see it', async () => {
		const bram = await asUser(env, demo.bram);
		// The client may not choose the wijk (and so the workers who see it)...
		const steered = await bram.from('reports').insert({ subject_type: 'person', subject_id: demo.anna, reason: 'ongepast', wijk_code: 'WK003401' } as never);
		expect(steered.error?.code).toBe('42501');
		// ...the database takes it from the subject: Anna lives in Holtenbroek.
		const { data, error } = await bram
			.from('reports')
			.insert({ subject_type: 'person', subject_id: demo.anna, subject_label: 'Anna', reason: 'ongepast', details: 'Onaardig bericht' })
			.select('id, wijk_code')
			.single();
		expect(error).toBeNull();
		expect(data?.wijk_code).toBe('WK019306');

		const worker = await asUser(env, demo.workerZwolle);
		const { data: seen } = await worker.from('reports').select('id').eq('id', data!.id);
		expect(seen).toHaveLength(1);
		for (const outsider of [demo.workerAlmere, demo.anna, demo.chantal]) {
			const { data: hidden } = await (await asUser(env, outsider)).from('reports').select('id').eq('id', data!.id);
			expect(hidden, outsider).toEqual([]);
		}
		const { data: none } = await anon(env).from('reports').select('id');
		expect(none ?? []).toEqual([]);
	});

	it('a worker of another wijk cannot handle it; the wijk\'s worker resolves it with a reason, in the audit log', async () => {
		const chantal = await asUser(env, demo.chantal);
		const { data } = await chantal.from('reports').insert({ subject_type: 'person', subject_id: demo.bram, reason: 'spam' }).select('id').single();
		const other = await (await asUser(env, demo.workerAlmere)).from('reports').update({ status: 'afgehandeld', resolution: 'x' }).eq('id', data!.id).select('id');
		expect(other.data).toEqual([]);

		const worker = await asUser(env, demo.workerZwolle);
		const noReason = await worker.from('reports').update({ status: 'afgehandeld' }).eq('id', data!.id).select('id');
		expect(noReason.error?.code).toBe('23514');
		const claimed = await worker.from('reports').update({ status: 'in_behandeling' }).eq('id', data!.id).select('claimed_by').single();
		expect(claimed.data?.claimed_by).toBe(demo.workerZwolle);
		const done = await worker.from('reports').update({ status: 'afgehandeld', resolution: 'Gesproken met beide buren' }).eq('id', data!.id).select('resolved_at').single();
		expect(done.data?.resolved_at).not.toBeNull();
		const { data: log } = await worker.from('audit_log').select('action, reason').eq('subject_type', 'report').eq('subject_id', String(data!.id));
		expect(log).toContainEqual({ action: 'report_afgehandeld', reason: 'Gesproken met beide buren' });
	});

	it('refuses reporting yourself, an unknown kind of content, or in someone else\'s name', async () => {
		const anna = await asUser(env, demo.anna);
		expect((await anna.from('reports').insert({ subject_type: 'person', subject_id: demo.anna, reason: 'spam' })).error?.code).toBe('42501');
		expect((await anna.from('reports').insert({ subject_type: 'nonsense', subject_id: '1', reason: 'spam' })).error?.code).toBe('22023');
		const forged = await anna.from('reports').insert({ subject_type: 'person', subject_id: demo.bram, reason: 'spam', reporter_id: demo.chantal } as never);
		expect(forged.error).not.toBeNull();
	});
});

describe('blocking an account', () => {
	it('only the coordinator of the gemeente blocks a resident, with a reason; the block ends every session', async () => {
		const service_ = service(env);
		await service_.from('sessions').insert({ id: 'blocktest-session-0001', user_id: demo.emre, secret_hash: '\\x00', expires_at: new Date(Date.now() + 3600_000).toISOString() });

		for (const outsider of [demo.anna, demo.workerAlmere, demo.coordinatorZwolle]) {
			const { error } = await (await asUser(env, outsider)).rpc('set_account_blocked', { p_user: demo.emre, p_blocked: true, p_reason: 'Scheldt buren uit' });
			expect(error?.code, outsider).toBe('42501');
		}
		const coordinator = await asUser(env, demo.coordinatorAlmere);
		const noReason = await coordinator.rpc('set_account_blocked', { p_user: demo.emre, p_blocked: true, p_reason: ' ' });
		expect(noReason.error?.code).toBe('23514');
		const self = await coordinator.rpc('set_account_blocked', { p_user: demo.coordinatorAlmere, p_blocked: true, p_reason: 'Zomaar proberen' });
		expect(self.error?.code).toBe('42501');

		const { error } = await coordinator.rpc('set_account_blocked', { p_user: demo.emre, p_blocked: true, p_reason: 'Scheldt buren uit' });
		expect(error).toBeNull();
		const { data: user } = await coordinator.from('users').select('blocked_at').eq('id', demo.emre).single();
		expect(user?.blocked_at).not.toBeNull();
		const { data: sessions } = await service_.from('sessions').select('id').eq('user_id', demo.emre);
		expect(sessions).toEqual([]);
		const { data: log } = await coordinator.from('audit_log').select('action, reason').eq('subject_id', demo.emre);
		expect(log).toContainEqual({ action: 'block_account', reason: 'Scheldt buren uit' });

		await coordinator.rpc('set_account_blocked', { p_user: demo.emre, p_blocked: false, p_reason: 'Gesprek gehad, excuses aangeboden' });
		const { data: after } = await coordinator.from('users').select('blocked_at').eq('id', demo.emre).single();
		expect(after?.blocked_at).toBeNull();
	});
});

// ---------------------------------------------------------------------------------------------------
// Every table and view, as a visitor and as a resident with no relation to anyone: what they may read.
// The list is checked against the migrations, so a new table cannot be added without a line here.

type Access = 'public' | 'none';
interface Probe {
	/** A column to select (some tables grant only some columns). */
	column: string;
	anon: Access;
	stranger: Access;
	/** The column naming the owner: the stranger's own rows are left out of what is checked. */
	owner?: string;
	/** For 'public': the rows that must still stay hidden (e.g. concepts, closed posts). */
	hidden?: [column: string, operator: 'eq' | 'neq' | 'notNull', value?: string | boolean];
}

const matrix: Record<string, Probe> = {
	gemeenten: { column: 'code', anon: 'public', stranger: 'public' },
	wijken: { column: 'code', anon: 'public', stranger: 'public' },
	buurten: { column: 'code', anon: 'public', stranger: 'public' },
	tags: { column: 'code', anon: 'public', stranger: 'public' },
	users: { column: 'id', anon: 'none', stranger: 'none', owner: 'id' },
	profiles: { column: 'id', anon: 'none', stranger: 'public', owner: 'id', hidden: ['role', 'eq', 'bewoner'] },
	profile_private: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	profile_names: { column: 'id', anon: 'none', stranger: 'public' },
	worker_wijken: { column: 'user_id', anon: 'none', stranger: 'public' },
	coordinators: { column: 'user_id', anon: 'none', stranger: 'public' },
	staff_contacts: { column: 'user_id', anon: 'none', stranger: 'none' },
	sessions: { column: 'id', anon: 'none', stranger: 'none', owner: 'user_id' },
	auth_tokens: { column: 'user_id', anon: 'none', stranger: 'none' },
	email_outbox: { column: 'id', anon: 'none', stranger: 'none' },
	rate_limits: { column: 'bucket', anon: 'none', stranger: 'none' },
	audit_log: { column: 'id', anon: 'none', stranger: 'none' },
	reports: { column: 'id', anon: 'none', stranger: 'none' },
	initiatieven: { column: 'id', anon: 'public', stranger: 'public', hidden: ['status', 'neq', 'gepubliceerd'] },
	initiatief_beslissingen: { column: 'id', anon: 'none', stranger: 'none' },
	initiatief_deelnemers: { column: 'user_id', anon: 'none', stranger: 'none' },
	initiatief_contacten: { column: 'user_id', anon: 'none', stranger: 'none' },
	initiatief_updates: { column: 'id', anon: 'public', stranger: 'public' },
	initiatief_notities: { column: 'id', anon: 'none', stranger: 'none' },
	initiatief_reacties: { column: 'id', anon: 'public', stranger: 'public', hidden: ['hidden_at', 'notNull'] },
	help_blocks: { column: 'id', anon: 'none', stranger: 'none' },
	help_posts: { column: 'id', anon: 'none', stranger: 'public', hidden: ['status', 'neq', 'open'] },
	help_post_private: { column: 'post_id', anon: 'none', stranger: 'none' },
	help_matches: { column: 'id', anon: 'none', stranger: 'none' },
	my_help_matches: { column: 'id', anon: 'none', stranger: 'none' },
	help_match_parties: { column: 'id', anon: 'none', stranger: 'none' },
	help_messages: { column: 'id', anon: 'none', stranger: 'none' },
	repair_cafe_series: { column: 'id', anon: 'public', stranger: 'public', hidden: ['published', 'eq', false] },
	repair_cafe_series_changes: { column: 'series_id', anon: 'none', stranger: 'none' },
	repair_cafe_dates: { column: 'id', anon: 'public', stranger: 'public' },
	repair_cafe_signups: { column: 'id', anon: 'none', stranger: 'none' },
	rommelroute_editions: { column: 'id', anon: 'public', stranger: 'public' },
	rommelroute_stands: { column: 'id', anon: 'none', stranger: 'none' },
	rommelroute_stands_public: { column: 'id', anon: 'public', stranger: 'public' },
	jobs: { column: 'id', anon: 'none', stranger: 'none' },
	job_schedules: { column: 'name', anon: 'none', stranger: 'none' },
	job_workers: { column: 'id', anon: 'none', stranger: 'none' },
	email_suppressions: { column: 'address', anon: 'none', stranger: 'none' },
	notification_kinds: { column: 'kind', anon: 'none', stranger: 'public' },
	notification_preferences: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	notifications: { column: 'id', anon: 'none', stranger: 'none', owner: 'user_id' },
	calendar_feeds: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groepen: { column: 'id', anon: 'public', stranger: 'public', hidden: ['visibility', 'eq', 'leden'] },
	groep_leden: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groep_ledenlijst: { column: 'user_id', anon: 'none', stranger: 'none' },
	groep_namen: { column: 'id', anon: 'none', stranger: 'public' },
	groep_contacten: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groep_verzoeken: { column: 'id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groep_uitnodigingen: { column: 'id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groep_beslissingen: { column: 'id', anon: 'none', stranger: 'none' },
	groep_notities: { column: 'id', anon: 'none', stranger: 'none' },
	groep_bijeenkomsten: { column: 'id', anon: 'public', stranger: 'public', hidden: ['kind', 'eq', 'ronde'] },
	groep_aanwezigheid: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	groep_verslagen: { column: 'bijeenkomst_id', anon: 'none', stranger: 'none' },
	groep_besluiten: { column: 'id', anon: 'none', stranger: 'none' },
	groep_actiepunten: { column: 'id', anon: 'none', stranger: 'none', owner: 'owner_id' },
	groep_berichten: { column: 'id', anon: 'none', stranger: 'none', owner: 'author_id' },
	// Signalen: every role, the partner included, in tests/integration/signalen.test.ts.
	partner_organisaties: { column: 'id', anon: 'none', stranger: 'none' },
	partner_contacten: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' },
	signalen: { column: 'id', anon: 'none', stranger: 'none' },
	agenda_items: { column: 'id', anon: 'none', stranger: 'none' },
	agenda_signalen: { column: 'item_id', anon: 'none', stranger: 'none' },
	buurt_zorgen: { column: 'id', anon: 'none', stranger: 'none', owner: 'author_id' },
	// Photos follow their initiative or group: every role in tests/integration/fotos.test.ts.
	fotos: { column: 'id', anon: 'public', stranger: 'public' },
	foto_bestanden: { column: 'foto_id', anon: 'public', stranger: 'public' },
	// Every role in tests/integration/verklaringen.test.ts.
	huisregels_acceptaties: { column: 'user_id', anon: 'none', stranger: 'none', owner: 'user_id' }
};

function relationsInMigrations(): string[] {
	const dir = new URL('../../supabase/migrations/', import.meta.url);
	const names = new Set<string>();
	for (const file of readdirSync(dir)) {
		for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(/create (?:table|view) public\.(\w+)/g)) names.add(match[1]);
	}
	return [...names].sort();
}

describe('the matrix of every table', () => {
	let stranger: { id: string; db: Awaited<ReturnType<typeof asUser>> };
	beforeAll(async () => {
		const { data: id } = await service(env).rpc('create_account', { p_email: `vreemd.${Date.now()}@example.test`, p_password_hash: 'x', p_display_name: 'Vera Vreemd', p_buurt_code: 'BU01930902' });
		stranger = { id: id!, db: await asUser(env, id!) };
	});

	it('lists every table and view the migrations create', () => {
		expect(Object.keys(matrix).sort()).toEqual(relationsInMigrations());
	});

	it.each(Object.entries(matrix))('%s', async (table, probe) => {
		for (const [who, client, access] of [['a visitor', anon(env), probe.anon], ['a resident without relations', stranger.db, probe.stranger]] as const) {
			// Everything but the stranger's own rows.
			const others = () => {
				const query = client.from(table as 'tags').select(probe.column).limit(20);
				return who !== 'a visitor' && probe.owner ? query.neq(probe.owner, stranger.id) : query;
			};
			const all = await others();
			if (access === 'none') {
				expect(all.error === null || all.error.code === '42501', `${table}, ${who}: ${all.error?.message}`).toBe(true);
				expect(all.data ?? [], `${table}, ${who}`).toEqual([]);
				continue;
			}
			expect(all.error, `${table}, ${who}`).toBeNull();
			if (!probe.hidden) continue;
			const [column, operator, value] = probe.hidden;
			const query = others();
			const hidden = operator === 'eq' ? query.eq(column as 'code', value as string) : operator === 'neq' ? query.neq(column as 'code', value as string) : query.not(column as 'code', 'is', null);
			expect((await hidden).data ?? [], `${table}, ${who}: rows that must stay hidden`).toEqual([]);
		}
	});
});

describe('row policies cost almost nothing (issue 15)', () => {
	it('no policy calls a helper once per row: each is a sub-select, evaluated once per statement', async () => {
		const { data, error } = await service(env).rpc('policies_with_per_row_helpers');
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});

	it('nobody else can list the policies', async () => {
		const { error } = await (await asUser(env, demo.anna)).rpc('policies_with_per_row_helpers');
		expect(error?.code).toBe('42501');
	});
});
