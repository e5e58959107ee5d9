import { describe, expect, it } from 'vitest';
import { basemapFor, PDOK_STYLE_URL } from './basemap';

describe('the basemap from PUBLIC_MAP_STYLE_URL', () => {
	it("is PDOK's BRT-Achtergrondkaart when nothing is configured", () => {
		expect(basemapFor(undefined)).toEqual({ kind: 'remote', url: PDOK_STYLE_URL, origins: ['https://api.pdok.nl'] });
		expect(basemapFor('  ')).toMatchObject({ kind: 'remote', url: PDOK_STYLE_URL });
	});

	it('is the built-in style for "offline" and for anything that is not an http(s) URL', () => {
		expect(basemapFor('offline')).toEqual({ kind: 'offline' });
		expect(basemapFor('javascript:alert(1)')).toEqual({ kind: 'offline' });
		expect(basemapFor('not a url')).toEqual({ kind: 'offline' });
	});

	it('is another style from its own origin', () => {
		expect(basemapFor('https://tiles.example.nl/styles/a.json')).toEqual({
			kind: 'remote',
			url: 'https://tiles.example.nl/styles/a.json',
			origins: ['https://tiles.example.nl']
		});
	});
});
