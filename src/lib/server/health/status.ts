// Pure rules behind /healthz: what an answer from /rest/v1 says about PostgREST and its database,
// when a heartbeat is too old, what the checks add up to, and the one log line per change of state.

export type Status = 'ok' | 'down' | 'unknown';

export interface CheckResult {
	status: Status;
	[detail: string]: string | number | boolean | null;
}

/**
 * PostgREST's own 503/504 carry PGRST000–PGRST003: it is running but cannot reach its database. Any
 * other 502/503/504, or no answer at all (status 0), comes from in front of PostgREST (the local
 * gateway, a hosted project's proxy): PostgREST itself is away, and the database's state is unknown.
 */
export function classify(status: number, code: string | null): { postgrest: Status; database: Status } {
	if (status >= 200 && status < 300) return { postgrest: 'ok', database: 'ok' };
	if (connectionLost(status, code)) return { postgrest: 'ok', database: 'down' };
	if ((status === 503 || status === 504) && code && /^PGRST00[0-3]$/.test(code)) return { postgrest: 'ok', database: 'down' };
	if (status === 0 || status === 502 || status === 503 || status === 504) return { postgrest: 'down', database: 'unknown' };
	return { postgrest: 'ok', database: 'unknown' };
}

/**
 * PostgREST answers 400 with an empty error code when its database connection broke under the
 * request without a word from the server (PGlite's socket server closing, a server killed outright):
 * an outage, not bad input. Every real refusal carries a SQLSTATE or a PGRST code.
 */
export function connectionLost(status: number, code: string | null): boolean {
	return status === 400 && code === '';
}

/** A heartbeat older than `maxAgeSeconds`, or none yet, is down. */
export function heartbeatCheck(lastBeatAt: string | Date | null, maxAgeSeconds: number, now = Date.now()): CheckResult {
	if (!lastBeatAt) return { status: 'down', last_heartbeat: null, age_s: null };
	const at = new Date(lastBeatAt);
	const age = Math.round((now - at.getTime()) / 1000);
	return { status: age <= maxAgeSeconds ? 'ok' : 'down', last_heartbeat: at.toISOString(), age_s: age };
}

/** A required check that is not ok takes the instance out of rotation; an optional one degrades it. */
export function overall(results: { status: Status; required: boolean }[]): 'ok' | 'degraded' | 'down' {
	const failing = results.filter((result) => result.status !== 'ok');
	if (failing.some((result) => result.required)) return 'down';
	return failing.length ? 'degraded' : 'ok';
}

/**
 * The last known status per check. `record` returns the log line for a change (or null): the first
 * sighting of trouble, each change, and on recovery how long it lasted and how many answers saw it.
 */
export class StatusLog {
	private readonly state = new Map<string, { status: Status; since: number; seen: number }>();

	record(name: string, status: Status, now = Date.now()): string | null {
		if (status === 'unknown') return null; // says nothing new: keep what we knew
		const previous = this.state.get(name);
		if (!previous) {
			this.state.set(name, { status, since: now, seen: 1 });
			return status === 'ok' ? null : `[health] ${name}: ${status}`;
		}
		if (previous.status === status) {
			previous.seen += 1;
			return null;
		}
		this.state.set(name, { status, since: now, seen: 1 });
		const seconds = ((now - previous.since) / 1000).toFixed(1);
		return status === 'ok'
			? `[health] ${name}: ${previous.status} → ok after ${seconds} s (${previous.seen} answer${previous.seen === 1 ? '' : 's'} saw it ${previous.status})`
			: `[health] ${name}: ${previous.status} → ${status}`;
	}
}
