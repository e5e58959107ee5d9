// The Content-Security-Policy's hosts outside the site. SvelteKit writes the policy (kit.csp in
// svelte.config.js, with a nonce or hash for every inline script); the map's tile and style hosts come
// from configuration at run time, so they are added here, in one place.
import { basemapFor } from '$lib/components/map/basemap';

/** The origins the maps load from: none for the offline style, PDOK's host by default, else the style's. */
export function mapOrigins(env: Record<string, string | undefined>): string[] {
	const basemap = basemapFor(env.PUBLIC_MAP_STYLE_URL);
	return basemap.kind === 'remote' ? basemap.origins : [];
}

// Where a map style's parts are fetched: the style, tiles, glyphs and sprites (fetch), sprite images.
const MAP_DIRECTIVES = ['connect-src', 'img-src'];

/** The policy with the map's origins added to the directives a map needs. */
export function withMapOrigins(policy: string, origins: readonly string[]): string {
	if (origins.length === 0) return policy;
	return policy
		.split(';')
		.map((part) => {
			const directive = part.trim();
			const name = directive.split(/\s+/)[0];
			return MAP_DIRECTIVES.includes(name) ? `${directive} ${origins.join(' ')}` : directive;
		})
		.filter(Boolean)
		.join('; ');
}

/** Browser features the site never uses, switched off for it and anything it embeds. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** Two years, as hstspreload.org asks; only sent over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';
