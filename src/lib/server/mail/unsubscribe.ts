// One-click unsubscribe links (RFC 8058). The token names an address and a kind of mail and is signed
// with a key derived from the project's JWT secret, so it works without logging in, only for that
// address and that kind: changing either breaks the signature. Stateless: nothing to store or expire.
import { createHmac, timingSafeEqual } from 'node:crypto';

const KIND = /^[a-z][a-z0-9_]{1,60}$/;

function key(secret: string): Buffer {
	return createHmac('sha256', secret).update('buurtplein/unsubscribe/v1').digest();
}

function signature(secret: string, address: string, kind: string): string {
	return createHmac('sha256', key(secret)).update(`${address.toLowerCase()}\n${kind}`).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(secret: string, address: string, kind: string): string {
	return `${Buffer.from(address.toLowerCase()).toString('base64url')}.${kind}.${signature(secret, address, kind)}`;
}

/** The address and kind a token stands for, or null when it was not made by us for exactly those. */
export function readUnsubscribeToken(secret: string, token: string): { address: string; kind: string } | null {
	const [encoded, kind, given, ...rest] = token.split('.');
	if (rest.length || !encoded || !given || !KIND.test(kind ?? '')) return null;
	const address = Buffer.from(encoded, 'base64url').toString('utf8');
	if (!/^[^\s@]+@[^\s@]+$/.test(address) || address !== address.toLowerCase()) return null;
	const expected = Buffer.from(signature(secret, address, kind));
	const actual = Buffer.from(given);
	return actual.length === expected.length && timingSafeEqual(actual, expected) ? { address, kind } : null;
}

export function unsubscribeUrl(origin: string, secret: string, address: string, kind: string): string {
	return `${origin}/afmelden/${unsubscribeToken(secret, address, kind)}`;
}
