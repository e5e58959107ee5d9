// What the browser downloads: the built client must not carry server-side validation code. zod once
// reached the profile page through a shared constant and added ~20 kB gzipped to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../build/client/_app/immutable/', import.meta.url).pathname;
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));

describe('the client bundle', () => {
	it('was built', () => {
		expect(files.length).toBeGreaterThan(5);
	});

	it('holds no zod: validation runs on the server', () => {
		const withZod = files.filter((f) => readFileSync(join(dir, f), 'utf8').includes('ZodError'));
		expect(withZod).toEqual([]);
	});
});
