// The werkplek's reports queue is oldest first and paged; other test files add reports to the same
// database, so a test that looks for its report reads every page of the queue.
import type { Browser } from './clients.ts';

export async function allReportPages(browser: Browser): Promise<string> {
	let html = '';
	for (let page = 1; page <= 50; page++) {
		const body = (await browser.get(`/werkplek?meldingen=${page}`)).body;
		html += body;
		if (!body.includes(`meldingen=${page + 1}`)) break;
	}
	return html;
}
