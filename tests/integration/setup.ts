// Vitest global setup: one stack and one site per run, on the backend named by TEST_BACKEND.
import type { TestProject } from 'vitest/node';
import { startTestEnv, type Backend } from '../support/env.ts';

export default async function setup(project: TestProject) {
	const backend = (process.env.TEST_BACKEND ?? 'pglite') as Backend;
	const running = await startTestEnv(backend);
	project.provide('env', running.env);
	return () => running.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		env: import('../support/env.ts').TestEnv;
	}
}
