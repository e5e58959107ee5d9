import { describe, expect, it } from 'vitest';
import type { Outline } from '$lib/components/map/types';
import { centroid, choropleth, stepOf, steps } from './choropleth';

const square = (code: string, name: string, west: number, south: number, size = 0.01): Outline => ({
	level: 'buurt',
	code,
	name,
	geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] }
});

describe('steps', () => {
	it('keeps 1–4 as one class, so a colour tells no more than "< 5"', () => {
		expect(steps(0)).toEqual([{ step: 0, from: 0, to: 0 }]);
		expect(steps(3)).toEqual([{ step: 0, from: 0, to: 0 }, { step: 1, from: 1, to: 3 }]);
		const legend = steps(4);
		expect(stepOf(1, legend)).toBe(stepOf(4, legend));
	});

	it('splits 5…max in three parts that cover every count once', () => {
		const legend = steps(20);
		expect(legend.map((l) => [l.from, l.to])).toEqual([[0, 0], [1, 4], [5, 10], [11, 15], [16, 20]]);
		for (let n = 0; n <= 20; n++) expect(legend.filter((l) => n >= l.from && n <= l.to)).toHaveLength(1);
		expect(steps(6).map((l) => [l.from, l.to])).toEqual([[0, 0], [1, 4], [5, 5], [6, 6]]);
	});
});

describe('choropleth', () => {
	it('colours each buurt by its count and keeps buurten without signals', () => {
		const map = choropleth(
			[square('BU1', 'Oost', 6.1, 52.5), square('BU2', 'West', 6.08, 52.5), { ...square('WK1', 'Wijk', 6, 52), level: 'wijk' }],
			new Map([['BU1', 12]])
		)!;
		expect(map.areas.map((a) => [a.code, a.count])).toEqual([['BU1', 12], ['BU2', 0]]);
		expect(map.areas[0].step).toBe(map.legend.at(-1)!.step);
		expect(map.areas[1].step).toBe(0);
	});

	it('fits the drawing with north up and keeps a square buurt square', () => {
		const map = choropleth([square('BU1', 'Noord', 6.1, 52.52), square('BU2', 'Zuid', 6.1, 52.5)], new Map())!;
		const coords = (path: string) => [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
		const all = map.areas.flatMap((a) => coords(a.path));
		for (const [x, y] of all) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(map.width);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(map.height);
		}
		const north = coords(map.areas.find((a) => a.code === 'BU1')!.path);
		const south = coords(map.areas.find((a) => a.code === 'BU2')!.path);
		expect(Math.max(...north.map((p) => p[1]))).toBeLessThan(Math.min(...south.map((p) => p[1])));
		// 0.01° of longitude at 52.5° N is cos(52.5°) ≈ 0.61 of 0.01° of latitude.
		const w = Math.max(...north.map((p) => p[0])) - Math.min(...north.map((p) => p[0]));
		const h = Math.max(...north.map((p) => p[1])) - Math.min(...north.map((p) => p[1]));
		expect(w / h).toBeCloseTo(Math.cos((52.51 * Math.PI) / 180), 1);
	});

	it('draws a multipolygon as one path per buurt and has nothing to draw without outlines', () => {
		const a = square('BU1', 'Eilanden', 6.1, 52.5);
		const b = square('BU1', 'Eilanden', 6.2, 52.5);
		const multi: Outline = { ...a, geometry: { type: 'MultiPolygon', coordinates: [a.geometry.coordinates as number[][][], b.geometry.coordinates as number[][][]] } };
		const map = choropleth([multi], new Map([['BU1', 2]]))!;
		expect(map.areas).toHaveLength(1);
		expect(map.areas[0].path.match(/M/g)).toHaveLength(2);
		expect(choropleth([], new Map())).toBeNull();
	});

	it('puts the count inside the buurt', () => {
		expect(centroid([[0, 0], [10, 0], [10, 10], [0, 10]])).toEqual([5, 5]);
		const l = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10]];
		const [x, y] = centroid(l);
		expect(x).toBeLessThan(5);
		expect(y).toBeLessThan(5);
	});
});
