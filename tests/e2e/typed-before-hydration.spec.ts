// What a person types while the page's scripts are still on their way must survive hydration. Each
// page's scripts are held back for 3 s; the test fills every field it can see (text, text areas,
// choices, boxes), checks that the page had not hydrated yet when it finished, waits for hydration and
// then checks every field still holds what was typed.
import { expect, test, type Page } from '@playwright/test';
import { demo } from '../support/clients.ts';
import { signIn } from './support.ts';

const SCRIPT_DELAY_MS = 3000;

interface FormPage {
	/** The path, or a listing whose first link matching `pick` is the page. */
	path: string;
	pick?: RegExp;
	as?: keyof typeof demo;
}

const pages: FormPage[] = [
	{ path: '/inloggen' },
	{ path: '/registreren' },
	{ path: '/wachtwoord-vergeten' },
	{ path: '/inloggen/code' },
	{ path: '/profiel', as: 'anna' },
	{ path: '/profiel/wachtwoord', as: 'anna' },
	{ path: '/profiel/e-mail', as: 'anna' },
	{ path: '/profiel/meldingen', as: 'anna' },
	{ path: '/initiatieven/nieuw', as: 'anna' },
	{ path: '/initiatieven', pick: /^\/initiatieven\/[0-9a-f-]{36}$/, as: 'bram' },
	{ path: '/burenhulp/nieuw', as: 'anna' },
	{ path: '/groepen/nieuw', as: 'anna' },
	{ path: '/groepen', pick: /^\/groepen\/[0-9a-f-]{36}$/, as: 'chantal' },
	{ path: '/werkplek', pick: /^\/groepen\/[0-9a-f-]{36}$/, as: 'workerZwolle' },
	{ path: '/repair-cafe/nieuw', as: 'anna' },
	{ path: '/kaart', pick: /^\/repair-cafe\/[0-9a-f-]{36}$/, as: 'chantal' },
	{ path: '/kaart', pick: /^\/rommelroute\/[0-9a-f-]{36}$/, as: 'chantal' },
	{ path: '/werkplek', pick: /^\/initiatieven\/[0-9a-f-]{36}$/, as: 'workerZwolle' },
	{ path: '/werkplek/burenhulp/aanvraag', as: 'workerZwolle' },
	{ path: '/rommelroute/nieuw', as: 'workerZwolle' },
	{ path: '/coordinator/werkers', as: 'coordinatorZwolle' },
	// The photo form's description (seed: Anna leads the Bewonerscommissie Holtenbroek I).
	{ path: '/groepen/40000000-0000-4000-8000-000000000001/foto', as: 'anna' },
	// Deleting one's account: the password and the confirmation (filled, never sent).
	{ path: '/mijn-gegevens/verwijderen', as: 'chantal' },
	// A worker's erasure on request: the reason (filled, never sent).
	{ path: '/werkplek/persoon/00000000-0000-4000-8000-000000000011/verwijderen', as: 'workerZwolle' }
];

/** The first link on a listing page that matches, read from the server's HTML. */
async function firstLink(page: Page, listing: string, pick: RegExp): Promise<string> {
	const html = await (await page.request.get(listing)).text();
	const href = [...html.matchAll(/href="([^"?#]+)[^"]*"/g)].map((m) => m[1]).find((h) => pick.test(h));
	expect(href, `a link matching ${pick} on ${listing}`).toBeTruthy();
	return href!;
}

type Typed = { kind: 'value' | 'checked'; index: number; expected: string | boolean };

/** Fills every visible, editable field in the main content; returns what each should hold. */
async function typeEverywhere(page: Page): Promise<Typed[]> {
	return page.evaluate(() => {
		const typed: Typed[] = [];
		// Forms folded away (a reason to give, a note to add) count too.
		for (const details of document.querySelectorAll('main details')) (details as HTMLDetailsElement).open = true;
		const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('main input, main textarea, main select')];
		const sample: Record<string, string> = { email: 'getypt@buurtplein.test', date: '2027-03-15', time: '14:30', number: '3', tel: '0612345678', url: 'https://buurt.example', 'datetime-local': '2027-03-15T14:30' };
		fields.forEach((field, index) => {
			const box = field.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || field.disabled || (field as HTMLInputElement).readOnly) return;
			if (field instanceof HTMLSelectElement) {
				if (field.multiple || field.options.length < 2) return;
				field.selectedIndex = field.selectedIndex === field.options.length - 1 ? 0 : field.options.length - 1;
				typed.push({ kind: 'value', index, expected: field.value });
				return;
			}
			const type = field instanceof HTMLTextAreaElement ? 'textarea' : field.type;
			if (['hidden', 'submit', 'button', 'file', 'reset', 'image', 'range', 'color'].includes(type)) return;
			if (type === 'checkbox' || type === 'radio') {
				const input = field as HTMLInputElement;
				if (type === 'radio' && input.checked) return;
				input.checked = !input.checked;
				typed.push({ kind: 'checked', index, expected: input.checked });
				return;
			}
			const max = field.maxLength > 0 ? field.maxLength : 200;
			const value = (sample[type] ?? `Getypt voor de scripts ${index}`).slice(0, max);
			field.value = value;
			typed.push({ kind: 'value', index, expected: value });
		});
		// A radio checked later in its group unchecks the earlier ones: keep only what still holds.
		return typed.filter((t) => t.kind !== 'checked' || (fields[t.index] as HTMLInputElement).checked === t.expected);
	});
}

async function stillThere(page: Page, typed: Typed[]): Promise<string[]> {
	return page.evaluate((typed) => {
		const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('main input, main textarea, main select')];
		return typed
			.filter((t) => {
				const field = fields[t.index];
				const now = t.kind === 'checked' ? (field as HTMLInputElement).checked : field.value;
				return now !== t.expected;
			})
			.map((t) => `${fields[t.index]?.getAttribute('name') ?? fields[t.index]?.id ?? t.index}: expected ${JSON.stringify(t.expected)}`);
	}, typed);
}

for (const form of pages) {
	const name = form.pick ? `the first ${form.pick.source.split('\\/')[1]} page linked from ${form.path}` : form.path;
	test(`typed text survives hydration on ${name}${form.as ? ` (${form.as})` : ''}`, async ({ page, context }) => {
		if (form.as) await signIn(context, demo[form.as]);
		const path = form.pick ? await firstLink(page, form.path, form.pick) : form.path;
		await page.route(/\/_app\/immutable\/.+\.js$/, async (route) => {
			await new Promise((resolve) => setTimeout(resolve, SCRIPT_DELAY_MS));
			await route.continue();
		});
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		const typed = await typeEverywhere(page);
		expect(typed.length, `fields to type in on ${path}`).toBeGreaterThan(0);
		expect(await page.evaluate(() => document.documentElement.dataset.hydrated), 'typed before the scripts ran').toBeUndefined();
		await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 20_000 });
		// Give effects that run after mount a moment, as a person would before pressing send.
		await page.waitForTimeout(300);
		expect(await stillThere(page, typed), `fields reset by hydration on ${path}`).toEqual([]);
	});
}
