// Random tokens and their hashes, as Lucia's guide describes: the database keeps only SHA-256 of the
// secret part, and the comparison is constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomId(bytes = 15): string {
	return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** PostgREST returns bytea as "\x…" hex; this turns it back into bytes. */
export function byteaToBuffer(value: string): Buffer {
	return Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex');
}

export function bufferToBytea(value: Buffer): string {
	return `\\x${value.toString('hex')}`;
}
