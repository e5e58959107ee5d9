import { describe, expect, it } from 'vitest';
import { asGeometry, boundsOf, fitPadding, padBounds, pointsToGeoJSON } from './geo';
import type { MapPoint, Outline } from './types';

const point = (id: string, lng: number, lat: number): MapPoint => ({ id, kind: 'stand', lng, lat, title: id });
const square: Outline = {
	level: 'wijk',
	code: 'WK019301',
	name: 'Centrum',
	geometry: { type: 'Polygon', coordinates: [[[6.08, 52.5], [6.1, 52.5], [6.1, 52.52], [6.08, 52.52], [6.08, 52.5]]] }
};

describe('map geometry', () => {
	it('puts every point in the box the map opens on', () => {
		expect(boundsOf([point('a', 6.09, 52.51), point('b', 5.22, 52.37)])).toEqual([5.22, 52.37, 6.09, 52.51]);
	});

	it('falls back to the outlines when there are no points, and to nothing when both are empty', () => {
		expect(boundsOf([], [square])).toEqual([6.08, 52.5, 6.1, 52.52]);
		expect(boundsOf([], [])).toBeNull();
	});

	it('shows the outline around a single point, so an initiative is seen in its buurt', () => {
		expect(boundsOf([point('a', 6.09, 52.51)], [square])).toEqual([6.08, 52.5, 6.1, 52.52]);
		expect(boundsOf([point('a', 6.09, 52.51), point('b', 6.095, 52.515)], [square])).toEqual([6.09, 52.51, 6.095, 52.515]);
	});

	it('keeps clusters clear of the edges and the zoom buttons, but not more than a fifth of a small map', () => {
		expect(fitPadding(800, 480)).toEqual({ top: 40, bottom: 40, left: 40, right: 56 });
		expect(fitPadding(358, 150)).toEqual({ top: 30, bottom: 30, left: 30, right: 30 });
	});

	it('widens a single point so the map does not zoom in to one house', () => {
		const [w, s, e, n] = padBounds([6.09, 52.51, 6.09, 52.51]);
		expect(e - w).toBeCloseTo(0.01);
		expect(n - s).toBeCloseTo(0.01);
	});

	it('sends coordinates rounded to about a metre, longitude first', () => {
		const geo = pointsToGeoJSON([point('a', 6.0912345678, 52.5123456789)]);
		expect(geo.features[0].geometry.coordinates).toEqual([6.09123, 52.51235]);
		expect(geo.features[0].properties).toMatchObject({ id: 'a', kind: 'stand' });
	});

	it('accepts polygon outlines and refuses anything else from the database', () => {
		expect(asGeometry(square.geometry)).not.toBeNull();
		expect(asGeometry({ type: 'Point', coordinates: [6, 52] })).toBeNull();
		expect(asGeometry({ type: 'Polygon', coordinates: [[['6', 52]]] })).toBeNull();
		expect(asGeometry('<script>')).toBeNull();
		expect(asGeometry(null)).toBeNull();
	});
});
