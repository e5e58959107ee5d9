import { describe, expect, it } from 'vitest';
import { classify, heartbeatCheck, overall, StatusLog } from './status';

describe('classify', () => {
	it('a success means PostgREST and its database both answer', () => {
		expect(classify(200, null)).toEqual({ postgrest: 'ok', database: 'ok' });
	});

	it("PostgREST's own connection errors mean it runs but its database is away", () => {
		for (const code of ['PGRST000', 'PGRST001', 'PGRST002']) expect(classify(503, code)).toEqual({ postgrest: 'ok', database: 'down' });
		expect(classify(504, 'PGRST003')).toEqual({ postgrest: 'ok', database: 'down' });
	});

	it('a connection that broke under the request (400 without a code) is the database going away', () => {
		expect(classify(400, '')).toEqual({ postgrest: 'ok', database: 'down' });
		expect(classify(400, '23514')).toEqual({ postgrest: 'ok', database: 'unknown' });
	});

	it('no answer, or a 502/503/504 from in front of PostgREST, means PostgREST is away', () => {
		expect(classify(0, null)).toEqual({ postgrest: 'down', database: 'unknown' });
		expect(classify(502, null)).toEqual({ postgrest: 'down', database: 'unknown' });
		expect(classify(503, null)).toEqual({ postgrest: 'down', database: 'unknown' });
	});

	it('a refusal (RLS, a constraint) says PostgREST answers and nothing about the database', () => {
		expect(classify(403, '42501')).toEqual({ postgrest: 'ok', database: 'unknown' });
	});
});

describe('heartbeatCheck', () => {
	const now = Date.parse('2026-11-24T12:00:00Z');

	it('is ok while the last heartbeat is recent, down when it is old or missing', () => {
		expect(heartbeatCheck('2026-11-24T11:59:30Z', 60, now)).toEqual({ status: 'ok', last_heartbeat: '2026-11-24T11:59:30.000Z', age_s: 30 });
		expect(heartbeatCheck(new Date('2026-11-24T11:50:00Z'), 60, now).status).toBe('down');
		expect(heartbeatCheck(null, 60, now)).toEqual({ status: 'down', last_heartbeat: null, age_s: null });
	});
});

describe('overall', () => {
	it('a required check down takes the instance out of rotation; an optional one only degrades it', () => {
		expect(overall([{ status: 'ok', required: true }])).toBe('ok');
		expect(overall([{ status: 'ok', required: true }, { status: 'down', required: false }])).toBe('degraded');
		expect(overall([{ status: 'unknown', required: true }, { status: 'ok', required: false }])).toBe('down');
	});
});

describe('StatusLog', () => {
	it('logs the first trouble, each change, and on recovery how long it lasted', () => {
		const log = new StatusLog();
		expect(log.record('database', 'ok', 0)).toBeNull();
		expect(log.record('database', 'down', 1000)).toBe('[health] database: ok → down');
		expect(log.record('database', 'down', 1500)).toBeNull();
		expect(log.record('database', 'unknown', 2000)).toBeNull();
		expect(log.record('database', 'ok', 5200)).toBe('[health] database: down → ok after 4.2 s (2 answers saw it down)');
		expect(log.record('postgrest', 'down', 6000)).toBe('[health] postgrest: down');
	});
});
