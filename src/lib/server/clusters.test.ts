import { describe, expect, it } from 'vitest';
import { clusterIndex, parseViewport } from './clusters';

const params = (query: string) => new URLSearchParams(query);

describe('parseViewport', () => {
	it('reads a box and rounds the zoom down', () => {
		expect(parseViewport(params('bbox=6.04,52.5,6.12,52.56&zoom=13.7'))).toEqual({ bbox: [6.04, 52.5, 6.12, 52.56], zoom: 13 });
		expect(parseViewport(params('bbox=-180,-90,180,90&zoom=0'))).toEqual({ bbox: [-180, -90, 180, 90], zoom: 0 });
	});

	it.each([
		['', 'nothing'],
		['bbox=6,52,7,53', 'no zoom'],
		['zoom=12', 'no box'],
		['bbox=6,52,7&zoom=12', 'three numbers'],
		['bbox=6,52,7,53,1&zoom=12', 'five numbers'],
		['bbox=6,52,x,53&zoom=12', 'a word'],
		['bbox=6,52,Infinity,53&zoom=12', 'infinity'],
		['bbox=6,52,7,53&zoom=NaN', 'a zoom that is not a number'],
		['bbox=6,52,7,53&zoom=25', 'a zoom too deep'],
		['bbox=6,52,7,53&zoom=-1', 'a negative zoom'],
		['bbox=7,52,6,53&zoom=12', 'west east of east'],
		['bbox=6,53,7,52&zoom=12', 'south north of north'],
		['bbox=-181,52,7,53&zoom=12', 'a longitude off the world'],
		['bbox=6,52,7,91&zoom=12', 'a latitude off the world'],
		['bbox=1e3,52,7,53&zoom=12', 'an exponent']
	])('refuses %s (%s)', (query) => {
		expect(parseViewport(params(query))).toBeNull();
	});
});

describe('clusterIndex', () => {
	// 1,000 points in a 0.01° grid around Zwolle, and one without a position.
	const features: GeoJSON.Feature[] = [];
	for (let i = 0; i < 1000; i++) {
		features.push({
			type: 'Feature',
			properties: { id: `s${i}`, kind: 'stand', title: `Straat ${i}` },
			geometry: { type: 'Point', coordinates: [6.04 + (i % 40) * 0.002, 52.5 + Math.floor(i / 40) * 0.002] }
		});
	}
	features.push({ type: 'Feature', properties: { id: 'nowhere' }, geometry: null as unknown as GeoJSON.Point });
	const index = clusterIndex({ type: 'FeatureCollection', features });
	const world = { bbox: [-180, -90, 180, 90] as [number, number, number, number] };
	const count = (fc: GeoJSON.FeatureCollection) =>
		fc.features.reduce((n, f) => n + (f.properties?.cluster ? (f.properties.point_count as number) : 1), 0);

	it('counts every point with a position exactly once, at every zoom', () => {
		expect(index.total).toBe(1000);
		// The box around them: 40 columns and 25 rows, 0.002° apart.
		expect(index.bounds!.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([6.04, 52.5, 6.118, 52.548]);
		expect(clusterIndex({ type: 'FeatureCollection', features: [] }).bounds).toBeNull();
		for (const zoom of [0, 5, 10, 13, 15, 16, 20]) expect(count(index.query({ ...world, zoom }))).toBe(1000);
	});

	it('sends clusters when zoomed out and single points when zoomed in', () => {
		const far = index.query({ ...world, zoom: 8 });
		expect(far.features.length).toBe(1);
		expect(far.features[0].properties).toMatchObject({ cluster: true, point_count: 1000 });
		expect(far.features[0].properties!.expansion_zoom).toBeGreaterThan(8);
		const near = index.query({ ...world, zoom: 16 });
		expect(near.features.length).toBe(1000);
		expect(near.features[0].properties).toMatchObject({ kind: 'stand' });
	});

	it('sends only what lies in the box', () => {
		// A box around the first row of points only (latitude 52.5).
		const row = index.query({ bbox: [6.0, 52.499, 6.2, 52.501], zoom: 16 });
		expect(row.features.length).toBe(40);
		expect(index.query({ bbox: [4.8, 52.3, 4.9, 52.4], zoom: 12 }).features).toEqual([]);
	});

	it('a cluster expands at a zoom where it falls apart', () => {
		const cluster = index.query({ ...world, zoom: 10 }).features.find((f) => f.properties?.cluster)!;
		const zoom = cluster.properties!.expansion_zoom as number;
		expect(index.query({ ...world, zoom }).features.length).toBeGreaterThan(1);
	});
});
