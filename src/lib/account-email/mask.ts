/**
 * An address shown to its old owner without giving it away: the first letter of the name, the first
 * letter of the domain and the ending (`j•••@e•••.nl`). Enough to recognise one's own, not to write to.
 */
export function maskEmail(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '•••';
	const local = address.slice(0, at);
	const domain = address.slice(at + 1);
	const dot = domain.lastIndexOf('.');
	const ending = dot > 0 ? domain.slice(dot) : '';
	const host = dot > 0 ? domain.slice(0, dot) : domain;
	return `${local[0]}•••@${host[0] ?? ''}•••${ending}`;
}
