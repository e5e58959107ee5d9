// Shared by the benchmarks: HTTP load with autocannon (loopback only, bounded in time), and tables.
import autocannon from 'autocannon';

export interface LoadResult {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
}

export async function load(
	name: string,
	url: string,
	{ headers = {}, connections = 25, seconds = 8 }: { headers?: Record<string, string>; connections?: number; seconds?: number } = {}
): Promise<LoadResult> {
	if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error(`refusing to load anything but loopback: ${url}`);
	// A short warm-up, so that connection set-up and JIT do not count.
	await autocannon({ url, headers, connections, duration: 1 });
	const result = await autocannon({ url, headers, connections, duration: seconds });
	return {
		name,
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

export function table(rows: Record<string, string | number>[]): string {
	if (!rows.length) return '';
	const keys = Object.keys(rows[0]);
	const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
	const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
	return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}

export function loadRows(results: LoadResult[]) {
	return results.map((r) => ({ target: r.name, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, 'non-2xx': r.non2xx, errors: r.errors }));
}

/**
 * The JavaScript a page really loads in Chromium (every script response, dynamic imports included),
 * gzipped as a production server or CDN would send it. Returns kB per page.
 */
export async function javascriptPerPage(pages: { name: string; url: string; cookie?: string }[]): Promise<{ page: string; files: number; 'kB gzip': number }[]> {
	const { chromium } = await import('@playwright/test');
	const { gzipSync } = await import('node:zlib');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
	const rows = [];
	try {
		for (const { name, url, cookie } of pages) {
			const context = await browser.newContext();
			if (cookie) {
				const [key, value] = cookie.split('=');
				await context.addCookies([{ name: key, value, url }]);
			}
			const page = await context.newPage();
			const scripts: Promise<number>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
			});
			await page.goto(url, { waitUntil: 'networkidle' });
			const sizes = await Promise.all(scripts);
			rows.push({ page: name, files: sizes.length, 'kB gzip': Math.round(sizes.reduce((a, b) => a + b, 0) / 102.4) / 10 });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return rows;
}

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** How long one request takes, in ms; throws when it does not answer with the expected status. */
export async function timed(send: () => Promise<{ status: number }>, expected: number): Promise<number> {
	const started = performance.now();
	const { status } = await send();
	const ms = performance.now() - started;
	if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
	return ms;
}
