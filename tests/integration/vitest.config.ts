import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('../../', import.meta.url).pathname,
		include: ['tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/setup.ts'],
		// One database and one PostgREST per run: files run one after another, as users would not.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
