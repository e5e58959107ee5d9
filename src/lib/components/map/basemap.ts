// Which basemap the maps draw on, from PUBLIC_MAP_STYLE_URL. No imports: the server's
// Content-Security-Policy (src/lib/server/csp.ts) and the map in the browser decide from the same rule.

/**
 * PDOK's BRT-Achtergrondkaart, the Dutch government's public vector basemap (no key). Its style,
 * tiles, glyphs and sprites are all served from api.pdok.nl (see docs/ARCHITECTURE.md, "Maps").
 */
export const PDOK_STYLE_URL = 'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json';

/** Every host the PDOK style loads from; the CSP allows exactly these when it is the basemap. */
export const PDOK_ORIGINS = ['https://api.pdok.nl'];

export type Basemap = { kind: 'offline' } | { kind: 'remote'; url: string; origins: string[] };

/**
 * Unset or empty: PDOK. `offline`: the built-in style, which makes no request outside the site (tests,
 * CI, and the fallback). Any other http(s) URL: that style, from its own origin. Anything else is
 * not a style we can trust, so the map stays offline.
 */
export function basemapFor(value: string | undefined): Basemap {
	const setting = (value ?? '').trim();
	if (setting === '') return { kind: 'remote', url: PDOK_STYLE_URL, origins: PDOK_ORIGINS };
	if (setting === 'offline') return { kind: 'offline' };
	try {
		const url = new URL(setting);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'offline' };
		return { kind: 'remote', url: url.href, origins: url.href === PDOK_STYLE_URL ? PDOK_ORIGINS : [url.origin] };
	} catch {
		return { kind: 'offline' };
	}
}
