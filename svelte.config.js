import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// SvelteKit adds a nonce (or, on prerendered pages, a hash) for each inline script it writes, so
		// no other inline script runs. Styles allow 'unsafe-inline': Svelte's style: directives and the
		// map library set style attributes. The map's hosts outside the site are added at run time from
		// configuration (src/lib/server/csp.ts); its worker starts from a blob: URL.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// The origin check is in src/hooks.server.ts (handleOrigin): the same rule, with one exception
		// for RFC 8058 one-click unsubscribe posts from mail providers.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
