// Helpers for the groups tests: propose and publish a group through the same functions the site
// calls, plan meetings, and run a scheduled job for a slot as the scheduler does.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { service } from './clients.ts';
import type { TestEnv } from './env.ts';

type Db = SupabaseClient<Database>;

export const validGroep = {
	p_name: 'Moestuin Holtenbroek',
	p_purpose: 'Samen groente kweken op het veld achter de flat, elke zaterdagochtend.',
	p_kind: 'thema_groep',
	p_themes: ['duurzaamheid', 'sociale_cohesie'],
	p_buurt_code: 'BU01930601', // Holtenbroek I: the wijk of workerZwolle
	p_wijk_code: null as unknown as string,
	p_join_mode: 'open',
	p_join_question: '',
	p_visibility: 'openbaar'
};

let counter = 0;
/** A unique name, so lists and searches in one run do not see each other's groups. */
export function groepName(prefix = 'Groep'): string {
	counter += 1;
	return `${prefix} ${process.pid % 1000}-${Date.now() % 100000}-${counter}`;
}

export async function startGroep(db: Db, overrides: Partial<typeof validGroep> = {}): Promise<string> {
	const { data, error } = await db.rpc('start_groep', { ...validGroep, p_name: groepName(), ...overrides });
	if (error) throw new Error(`start_groep: ${error.message}`);
	return data as string;
}

export async function publishedGroep(proposer: Db, worker: Db, overrides: Partial<typeof validGroep> = {}): Promise<string> {
	const id = await startGroep(proposer, overrides);
	const { error } = await worker.rpc('moderate_groep', { p_id: id, p_decision: 'publiceren', p_message: '' });
	if (error) throw new Error(`publish: ${error.message}`);
	return id;
}

export async function join(db: Db, id: string, answer = '', contact = ''): Promise<string> {
	const { data, error } = await db.rpc('join_groep', { p_id: id, p_answer: answer, p_contact: contact });
	if (error) throw new Error(`join_groep: ${error.message}`);
	return data as string;
}

const HOUR = 3_600_000;

/** Plans a meeting `hoursAhead` from now (one hour long); returns its id. */
export async function planMeeting(db: Db, id: string, hoursAhead = 48, fields: Record<string, unknown> = {}): Promise<number> {
	const start = new Date(Date.now() + hoursAhead * HOUR);
	const { data, error } = await db.rpc('plan_groep_meeting', {
		p_id: id,
		p_kind: 'vergadering',
		p_title: 'Eerste overleg',
		p_starts_at: start.toISOString(),
		p_ends_at: new Date(start.getTime() + HOUR).toISOString(),
		p_place_kind: 'buurthuis',
		p_place: 'Buurthuis De Sprengen',
		p_agenda: '1. Kennismaken',
		p_repeat_weeks: 0,
		...fields
	});
	if (error) throw new Error(`plan_groep_meeting: ${error.message}`);
	return data as number;
}

export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		if (Date.now() > deadline) throw new Error(`not reached in time: ${JSON.stringify(value).slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
}

/** Runs a scheduled job for a slot the way the scheduler does (the site's own runner picks it up). */
export async function runJob(env: TestEnv, kind: string, slot: Date): Promise<void> {
	const db = service(env);
	const { data: id, error } = await db.rpc('enqueue_job', { p_kind: kind, p_payload: { slot: slot.toISOString() } });
	if (error || !id) throw new Error(`enqueue ${kind}: ${error?.message}`);
	const job = await until(async () => (await db.from('jobs').select('status, last_error').eq('id', id).single()).data!, (j) => j.status === 'done' || j.status === 'dead');
	if (job.status !== 'done') throw new Error(`${kind}: ${job.last_error}`);
}

/** The notifications of one kind a person has, as they read them. */
export async function notes(db: Db, kind: string) {
	const { data, error } = await db.from('notifications').select('id, kind, link, params, count').eq('kind', kind).order('id');
	if (error) throw error;
	return data as { id: number; kind: string; link: string; params: Record<string, unknown>; count: number }[];
}
