// How long a failed job waits before its next attempt: exponential (base, 2×base, 4×base, …) up to a
// cap, with ±25 % jitter so that jobs that failed together (an SMTP outage) do not retry together.

export interface Backoff {
	baseSeconds: number;
	maxSeconds: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseSeconds: 30, maxSeconds: 3600 };

/** Seconds to wait after the given attempt (1 = the first try) failed. */
export function retryDelaySeconds(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random = Math.random): number {
	const exponential = backoff.baseSeconds * 2 ** Math.max(0, attempt - 1);
	const capped = Math.min(backoff.maxSeconds, exponential);
	return capped * (0.75 + random() * 0.5);
}
