// What /healthz runs: the site itself, PostgREST and its database (one small anonymous read through
// PostgREST tells both), each a named check. The site's own requests report what they meet too
// (`observeStack`, from supabase.ts), so each change of state is logged once, as it happens, instead
// of a line per refused request. Nothing secret or personal in a result: statuses, timings, codes.
import { config } from '../config';
import { classify, overall, StatusLog, type CheckResult, type Status } from './status';

export interface StackReading {
	postgrest: CheckResult;
	database: CheckResult;
}

export interface HealthCheck {
	/** Not ok makes /healthz answer 503, so a load balancer takes this instance out of rotation. */
	required: boolean;
	run(stack: () => Promise<StackReading>): CheckResult | Promise<CheckResult>;
}

const startedAt = new Date();

/**
 * The checks, by name: the site, PostgREST, its database, and the job runner (issue 10).
 */
export const checks: Record<string, HealthCheck> = {
	site: { required: true, run: () => ({ status: 'ok', started_at: startedAt.toISOString(), uptime_s: Math.round((Date.now() - startedAt.getTime()) / 1000) }) },
	postgrest: { required: true, run: async (stack) => (await stack()).postgrest },
	database: { required: true, run: async (stack) => (await stack()).database },
	// Optional: a runner that is stale or behind makes the instance "degraded", not out of rotation.
	jobs: { required: false, run: () => jobsCheck() }
};

/** The job runner's heartbeat and the queue's state, flattened (no payloads, no addresses). */
async function jobsCheck(): Promise<CheckResult> {
	// Imported when asked: the runner's module reaches PostgREST through supabase.ts, which reports to this one.
	const { jobsHealth } = await import('../jobs/site');
	const health = await jobsHealth();
	const queue = (health.queue ?? {}) as Record<string, unknown>;
	const figure = (key: string) => (typeof queue[key] === 'number' ? (queue[key] as number) : null);
	return {
		status: health.ok ? 'ok' : 'down',
		runs_here: config.jobsEnabled,
		last_tick: health.runner?.lastTickAt ?? null,
		workers: figure('workers'),
		queued: figure('queued'),
		running: figure('running'),
		dead: figure('dead'),
		oldest_due_s: figure('oldest_due_seconds')
	};
}

export interface HealthReport {
	status: 'ok' | 'degraded' | 'down';
	time: string;
	checks: Record<string, CheckResult>;
}

const log = new StatusLog();

function note(name: string, status: Status): void {
	const line = log.record(name, status);
	if (line) console.error(line);
}

/** Notes what one answer from /rest/v1 said about PostgREST and the database. */
export function observeStack(status: number, code: string | null): void {
	const reading = classify(status, code);
	note('postgrest', reading.postgrest);
	note('database', reading.database);
}

export async function healthReport(): Promise<HealthReport> {
	let reading: Promise<StackReading> | null = null;
	const stack = () => (reading ??= readStack());
	const results = await Promise.all(
		Object.entries(checks).map(async ([name, check]) => {
			const result: CheckResult = await Promise.resolve()
				.then(() => check.run(stack))
				.catch((error: Error) => ({ status: 'down', error: error.name }));
			note(name, result.status);
			return { name, required: check.required, result };
		})
	);
	return {
		status: overall(results.map(({ required, result }) => ({ required, status: result.status }))),
		time: new Date().toISOString(),
		checks: Object.fromEntries(results.map(({ name, result }) => [name, result]))
	};
}

const PROBE_TIMEOUT_MS = 2000;
let lastProbe: { at: number; reading: Promise<StackReading> } | null = null;

/** One probe a second at most, however many load balancers ask: they share the answer. */
function readStack(): Promise<StackReading> {
	if (lastProbe && Date.now() - lastProbe.at < 1000) return lastProbe.reading;
	lastProbe = { at: Date.now(), reading: probe() };
	return lastProbe.reading;
}

async function probe(): Promise<StackReading> {
	const started = performance.now();
	let status = 0;
	let code: string | null = null;
	try {
		const response = await fetch(`${config.supabaseUrl}/rest/v1/gemeenten?select=code&limit=1`, {
			headers: { apikey: config.anonKey, authorization: `Bearer ${config.anonKey}` },
			signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
		});
		status = response.status;
		code = await errorCode(response);
	} catch {
		// no answer in time, or no connection: status 0, PostgREST is not reachable
	}
	const latency = Math.round(performance.now() - started);
	const { postgrest, database } = classify(status, code);
	return {
		postgrest: { status: postgrest, latency_ms: latency },
		database: { status: database, ...(database === 'down' && code ? { code } : {}) }
	};
}

/** The PostgREST error code of a failed answer (PGRST000, 23505, …); the body is consumed either way. */
export async function errorCode(response: Response): Promise<string | null> {
	if (response.ok) {
		await response.body?.cancel();
		return null;
	}
	const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
	return typeof body?.code === 'string' ? body.code : null;
}
