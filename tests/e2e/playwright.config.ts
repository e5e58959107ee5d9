import { defineConfig, devices } from '@playwright/test';

// The site under test listens here; set E2E_PORT when two runs share a machine.
export const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	globalSetup: './global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? 'list' : 'line',
	// Not test-results/ itself: Playwright empties its output folder, and the other suites' reports are there.
	outputDir: '../../test-results/e2e',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// The site takes client addresses from this header in tests (see tests/support/env.ts).
		extraHTTPHeaders: { 'x-forwarded-for': '10.200.0.1' },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Without these, Chromium tries to reach Google's services, which this network refuses.
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
		}
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
		{ name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ }
	]
});
