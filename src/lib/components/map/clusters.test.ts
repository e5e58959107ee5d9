import { describe, expect, it } from 'vitest';
import { contains, paddedBox, viewportUrl } from './clusters';

describe('the viewport the map asks for', () => {
	it('adds a quarter of the view on each side, within the world', () => {
		expect(paddedBox([6, 52, 7, 53])).toEqual([5.75, 51.75, 7.25, 53.25]);
		expect(paddedBox([-179, -89, 179, 89])).toEqual([-180, -90, 180, 90]);
	});

	it('needs no new request for a view inside the last box', () => {
		expect(contains([5.75, 51.75, 7.25, 53.25], [6.1, 52.1, 7.1, 53.1])).toBe(true);
		expect(contains([5.75, 51.75, 7.25, 53.25], [6.1, 52.1, 7.3, 53.1])).toBe(false);
	});

	it('keeps the query the url has', () => {
		expect(viewportUrl('/rommelroute/x/punten', [1, 2, 3, 4], 12)).toBe('/rommelroute/x/punten?bbox=1,2,3,4&zoom=12');
		expect(viewportUrl('/kaart/punten?type=rommelroute', [1, 2, 3, 4], 12)).toBe('/kaart/punten?type=rommelroute&bbox=1,2,3,4&zoom=12');
	});
});
