// For load balancers and uptime checks: 200 while this instance can serve pages, 503 (with
// Retry-After) while a required check is down. The JSON says which; see README "Health".
import { json } from '@sveltejs/kit';
import { RETRY_AFTER_SECONDS } from '$lib/server/db-errors';
import { healthReport } from '$lib/server/health/checks';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const report = await healthReport();
	const down = report.status === 'down';
	return json(report, {
		status: down ? 503 : 200,
		headers: { 'cache-control': 'no-store', ...(down ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}) }
	});
};
