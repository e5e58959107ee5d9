// Does a signal's text look like it holds personal data? A signal is about the buurt, never a file on
// a person, so the form warns and asks to write it without. Pure and conservative: it looks for the
// patterns a worker types in a hurry, and a hit is a warning the worker may overrule, not a refusal.

export const personalDataKinds = ['name', 'phone', 'email', 'address', 'bsn'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

// "mevrouw Jansen", "meneer De Vries", "mw. Bakker", "dhr El Amrani": a title followed by a capital.
const NAME = /\b(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de heer)\s+(?:(?:van|de|der|den|el|al|ter|ten|het)\s+)*\p{Lu}[\p{L}'’-]+/iu;
const TITLE_ONLY = /\b(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de heer)\s+((?:(?:van|de|der|den|el|al|ter|ten|het)\s+)*)(\S+)/giu;
// Dutch mobile and landline numbers, with or without +31, spaces or dashes: 10 digits from a 0.
const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){8,9}\d?\b/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// A street name ending in straat, weg, laan, ... followed by a house number ("Kerkstraat 12a").
const ADDRESS = /\b\p{L}[\p{L}-]*(?:straat|weg|laan|plein|singel|gracht|kade|dijk|pad|steeg|hof|dreef|park|ring|baan|markt|wal|erf|veld)\s+\d{1,4}\s?[a-z]?\b/iu;
// Nine digits in a row (optionally grouped 3-3-3 or 4-2-3 by spaces or dots), passing the elfproef.
const BSN = /\b\d(?:[\s.]?\d){8}\b/g;

/** The eleven-test Dutch citizen service numbers pass (9×d1 + 8×d2 + … + 2×d8 − 1×d9 ≡ 0 mod 11). */
export function isBsn(digits: string): boolean {
	if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
	sum -= Number(digits[8]);
	return sum % 11 === 0;
}

function hasName(text: string): boolean {
	if (!NAME.test(text)) return false;
	// "meneer en mevrouw" or "mevrouw die ..." have no name after the title: only a capital counts.
	for (const match of text.matchAll(TITLE_ONLY)) {
		const word = match[2];
		if (/^\p{Lu}/u.test(word)) return true;
	}
	return false;
}

/** The kinds of personal data the text seems to hold, in a fixed order; empty when none. */
export function findPersonalData(text: string): PersonalDataKind[] {
	const found = new Set<PersonalDataKind>();
	if (hasName(text)) found.add('name');
	if (EMAIL.test(text)) found.add('email');
	const withoutEmail = text.replace(new RegExp(EMAIL.source, 'g'), ' ');
	for (const match of withoutEmail.matchAll(BSN)) {
		if (isBsn(match[0].replace(/\D/g, ''))) found.add('bsn');
	}
	if (PHONE.test(withoutEmail)) found.add('phone');
	if (ADDRESS.test(withoutEmail)) found.add('address');
	return personalDataKinds.filter((kind) => found.has(kind));
}
