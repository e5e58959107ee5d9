import { describe, expect, it } from 'vitest';
import { mapOrigins, withMapOrigins } from './csp';

const policy = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; script-src 'self' 'nonce-abc'";

describe('map hosts in the Content-Security-Policy', () => {
	it('come from the map style URL when it names a host', () => {
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: 'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json' })).toEqual([
			'https://api.pdok.nl'
		]);
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: 'https://tiles.example.nl/style.json' })).toEqual(['https://tiles.example.nl']);
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: 'offline' })).toEqual([]);
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: 'javascript:alert(1)' })).toEqual([]);
	});

	it("are PDOK's one host by default, and none for the offline style", () => {
		expect(mapOrigins({})).toEqual(['https://api.pdok.nl']);
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: '' })).toEqual(['https://api.pdok.nl']);
		expect(mapOrigins({ PUBLIC_MAP_STYLE_URL: ' offline ' })).toEqual([]);
	});

	it('are added to connect-src and img-src only', () => {
		const result = withMapOrigins(policy, ['https://api.pdok.nl']);
		expect(result).toBe("default-src 'self'; connect-src 'self' https://api.pdok.nl; img-src 'self' data: blob: https://api.pdok.nl; script-src 'self' 'nonce-abc'");
		expect(withMapOrigins(policy, [])).toBe(policy);
	});
});
