// The durable job runner. Jobs are rows in public.jobs; this loop claims due ones over PostgREST
// (public.claim_jobs, FOR UPDATE SKIP LOCKED, so instances never share a job), runs their handler,
// and marks them done, or failed with exponential backoff until the dead list. A job whose instance
// dies or loses the database keeps its lease until it expires, then runs again: handlers must be
// idempotent (check the effect before making it), which every handler in this project is.
//
// No SvelteKit imports: the site, `npm run worker`, the tests and the benchmark all build one of these.
import { hostname } from 'node:os';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '../../database.types.ts';
import { DEFAULT_BACKOFF, retryDelaySeconds, type Backoff } from './backoff.ts';
import { latestSlot, type Schedule } from './schedule.ts';

export type Db = SupabaseClient<Database>;

export interface JobRow {
	id: number;
	kind: string;
	payload: Json;
	attempts: number;
	max_attempts: number;
	run_at: string;
	created_at: string;
}

export interface JobContext {
	db: Db;
	workerId: string;
	/** The runner's clock (injected in tests). */
	now(): Date;
	/** Wakes this runner, e.g. after a handler enqueued follow-up work. */
	wake(): void;
}

/** Runs one job. Throwing fails the attempt; the job is retried later. */
export type JobHandler = (payload: Record<string, unknown>, job: JobRow, ctx: JobContext) => Promise<void>;

export interface RunnerOptions {
	db: Db;
	handlers: Record<string, JobHandler>;
	schedules?: Schedule[];
	workerId?: string;
	clock?: () => Date;
	/** How long an idle runner waits before it asks again; a full batch asks again at once. */
	pollMs?: number;
	/** Jobs claimed (and run side by side) at a time. */
	batch?: number;
	leaseSeconds?: number;
	backoff?: Backoff;
	log?: (line: string) => void;
}

export interface Heartbeat {
	workerId: string;
	running: boolean;
	kinds: string[];
	startedAt: string | null;
	/** The last time the runner reached the database (claimed, even if nothing was due). */
	lastTickAt: string | null;
	lastError: string | null;
	jobsDone: number;
	jobsFailed: number;
}

export class JobRunner {
	readonly workerId: string;
	private readonly db: Db;
	private readonly handlers: Record<string, JobHandler>;
	private readonly schedules: Schedule[];
	private readonly clock: () => Date;
	private readonly pollMs: number;
	private readonly batch: number;
	private readonly leaseSeconds: number;
	private readonly backoff: Backoff;
	private readonly log: (line: string) => void;
	private readonly seenSlots = new Map<string, number>();
	private loop: Promise<void> | null = null;
	private stopping = false;
	private sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
	private woken = false;
	private startedAt: Date | null = null;
	private lastTickAt: Date | null = null;
	private lastError: string | null = null;
	private jobsDone = 0;
	private jobsFailed = 0;

	constructor(options: RunnerOptions) {
		this.db = options.db;
		this.handlers = options.handlers;
		this.schedules = options.schedules ?? [];
		this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
		this.clock = options.clock ?? (() => new Date());
		this.pollMs = options.pollMs ?? 1000;
		this.batch = options.batch ?? 20;
		this.leaseSeconds = options.leaseSeconds ?? 60;
		this.backoff = options.backoff ?? DEFAULT_BACKOFF;
		this.log = options.log ?? ((line) => console.error(line));
		for (const schedule of this.schedules) {
			if (!this.handlers[schedule.kind]) throw new Error(`schedule ${schedule.name}: no handler for ${schedule.kind}`);
		}
	}

	get kinds(): string[] {
		return Object.keys(this.handlers);
	}

	start(): void {
		if (this.loop) return;
		this.stopping = false;
		this.startedAt = new Date();
		this.loop = this.run();
	}

	/** Finishes the jobs in hand, then stops asking for more. */
	async stop(): Promise<void> {
		this.stopping = true;
		this.wake();
		await this.loop;
		this.loop = null;
	}

	/** Asks for work now instead of after the poll interval (new mail was queued here). */
	wake(): void {
		this.woken = true;
		if (this.sleeper) {
			clearTimeout(this.sleeper.timer);
			this.sleeper.resolve();
		}
	}

	heartbeat(): Heartbeat {
		return {
			workerId: this.workerId,
			running: this.loop !== null && !this.stopping,
			kinds: this.kinds,
			startedAt: this.startedAt?.toISOString() ?? null,
			lastTickAt: this.lastTickAt?.toISOString() ?? null,
			lastError: this.lastError,
			jobsDone: this.jobsDone,
			jobsFailed: this.jobsFailed
		};
	}

	private async run(): Promise<void> {
		while (!this.stopping) {
			let claimed = 0;
			try {
				await this.checkSchedules();
				claimed = await this.runOnce();
				this.lastError = null;
			} catch (error) {
				const message = (error as Error).message;
				if (message !== this.lastError) this.log(`[jobs] ${this.workerId}: ${message}; trying again`);
				this.lastError = message;
			}
			if (claimed < this.batch && !this.stopping) await this.sleep(this.lastError ? Math.max(this.pollMs, 2000) : this.pollMs);
		}
	}

	private sleep(ms: number): Promise<void> {
		if (this.woken) {
			this.woken = false;
			return Promise.resolve();
		}
		return new Promise<void>((resolve) => {
			this.sleeper = { timer: setTimeout(resolve, ms), resolve: () => resolve() };
		}).then(() => {
			this.sleeper = null;
			this.woken = false;
		});
	}

	/** Enqueues the current slot of every schedule this instance has not yet seen enqueued. */
	async checkSchedules(): Promise<void> {
		const now = this.clock();
		for (const schedule of this.schedules) {
			const slot = latestSlot(schedule.slot, now);
			if (this.seenSlots.get(schedule.name) === slot.getTime()) continue;
			const { data, error } = await this.db.rpc('schedule_slot', {
				p_name: schedule.name,
				p_slot: slot.toISOString(),
				p_kind: schedule.kind
			});
			if (error) throw new Error(`schedule ${schedule.name}: ${error.message}`);
			this.seenSlots.set(schedule.name, slot.getTime());
			if (data) {
				this.log(`[jobs] ${schedule.name}: slot ${slot.toISOString()} enqueued`);
				this.woken = true;
			}
		}
	}

	/** One round: claim due jobs, run them side by side, record the outcome. Returns how many were claimed. */
	async runOnce(): Promise<number> {
		const { data, error } = await this.db.rpc('claim_jobs', {
			p_worker: this.workerId,
			p_kinds: this.kinds,
			p_limit: this.batch,
			p_lease_seconds: this.leaseSeconds
		});
		if (error) throw new Error(`claim: ${error.message}`);
		this.lastTickAt = new Date();
		const jobs = (data ?? []) as unknown as JobRow[];
		if (!jobs.length) return 0;

		const inHand = new Set(jobs.map((job) => job.id));
		// A job that takes longer than a third of its lease keeps it; if this fails, the job may run
		// again elsewhere, which the handlers' idempotence covers.
		const keeper = setInterval(() => {
			void this.db.rpc('extend_job_leases', { p_worker: this.workerId, p_ids: [...inHand], p_lease_seconds: this.leaseSeconds });
		}, (this.leaseSeconds * 1000) / 3);
		const context: JobContext = { db: this.db, workerId: this.workerId, now: this.clock, wake: () => this.wake() };
		const done: number[] = [];
		try {
			await Promise.all(
				jobs.map(async (job) => {
					try {
						const payload = (job.payload && typeof job.payload === 'object' && !Array.isArray(job.payload) ? job.payload : {}) as Record<string, unknown>;
						await this.handlers[job.kind](payload, job, context);
						done.push(job.id);
						this.jobsDone += 1;
					} catch (failure) {
						this.jobsFailed += 1;
						await this.fail(job, failure as Error);
					} finally {
						inHand.delete(job.id);
					}
				})
			);
		} finally {
			clearInterval(keeper);
		}
		if (done.length) await this.complete(done);
		return jobs.length;
	}

	private async complete(ids: number[]): Promise<void> {
		// The work is done; if the database is away now, keep trying a while. Should it stay away, the
		// leases expire and the jobs run again, finding their effect already made.
		for (let attempt = 0; attempt < 5; attempt++) {
			const { error } = await this.db.rpc('complete_jobs', { p_worker: this.workerId, p_ids: ids });
			if (!error) return;
			await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
		}
		this.log(`[jobs] could not mark ${ids.length} job(s) done; they will run again after their lease`);
	}

	private async fail(job: JobRow, failure: Error): Promise<void> {
		const delay = retryDelaySeconds(job.attempts, this.backoff);
		const message = `${failure.name === 'Error' ? '' : `${failure.name}: `}${failure.message}`.slice(0, 2000);
		const { data, error } = await this.db.rpc('fail_job', {
			p_worker: this.workerId,
			p_id: job.id,
			p_error: message,
			p_retry_seconds: delay
		});
		if (error) {
			this.log(`[jobs] ${job.kind} #${job.id} failed (${message}) and could not be recorded: ${error.message}`);
			return;
		}
		if (data === 'dead') this.log(`[jobs] ${job.kind} #${job.id} failed ${job.attempts} times and is on the dead list: ${message}`);
		else this.log(`[jobs] ${job.kind} #${job.id} attempt ${job.attempts} failed (${message}); retry in ${Math.round(delay)} s`);
	}
}
