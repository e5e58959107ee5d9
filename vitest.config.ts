// Unit tests run on pure modules: no SvelteKit or Paraglide plugins (their watchers kept vitest from
// exiting, and the tests need neither).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
	test: { include: ['src/**/*.test.ts'], environment: 'node' }
});
