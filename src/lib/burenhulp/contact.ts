/** A `tel:` link for a phone number as people type it ("038 426 00 00", "+31 (0)6-12345678"). */
export function telHref(phone: string): string {
	const trimmed = phone.trim();
	const plus = trimmed.startsWith('+');
	// "(0)" after a country code is not dialled.
	const digits = trimmed.replace(/\(0\)/g, '').replace(/[^0-9]/g, '');
	return `tel:${plus ? '+' : ''}${digits}`;
}
