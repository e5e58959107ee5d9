// The wijkbeeld's map: buurten coloured by their number of signals, as server-rendered SVG (readable
// without JavaScript, printable, no tiles). Pure: outlines and counts in, paths and a legend out.
import type { Outline } from '$lib/components/map/types';

export interface Area {
	code: string;
	name: string;
	count: number;
	/** 0: no signals; 1: 1–4 (the "< 5" of the report, never split further); 2–4: thirds above. */
	step: number;
	path: string;
	/** Where the count is written, when the buurt is big enough on the drawing to hold it. */
	label: { x: number; y: number; named: boolean } | null;
}

export interface Legend {
	step: number;
	from: number;
	to: number;
}

export interface Choropleth {
	width: number;
	height: number;
	areas: Area[];
	legend: Legend[];
}

export const WIDTH = 400;

/**
 * The classes: 0, 1–4, then the range 5…max in three equal parts (fewer when the range is small).
 * 1–4 is one class on purpose, so that a colour never tells more than the report's "< 5" does.
 */
export function steps(max: number): Legend[] {
	const legend: Legend[] = [{ step: 0, from: 0, to: 0 }];
	if (max >= 1) legend.push({ step: 1, from: 1, to: Math.min(4, max) });
	if (max < 5) return legend;
	const span = max - 5 + 1;
	const parts = Math.min(3, span);
	let from = 5;
	for (let i = 1; i <= parts; i++) {
		const to = i === parts ? max : 5 + Math.ceil((span * i) / parts) - 1;
		legend.push({ step: i + 1, from, to });
		from = to + 1;
	}
	return legend;
}

export function stepOf(count: number, legend: Legend[]): number {
	return legend.find((l) => count >= l.from && count <= l.to)?.step ?? 0;
}

function rings(geometry: Outline['geometry']): number[][][] {
	return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(1);
}

/**
 * Projects lon/lat onto the drawing: x scaled by cos(latitude) around the middle of the buurten, so a
 * Dutch buurt keeps its shape (the error over a gemeente is far below a pixel), y flipped (north up).
 */
export function choropleth(outlines: Outline[], counts: Map<string, number>, width = WIDTH): Choropleth | null {
	const buurten = outlines.filter((o) => o.level === 'buurt');
	const points = buurten.flatMap((o) => rings(o.geometry).flat());
	if (points.length === 0) return null;
	const lngs = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
	const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * k, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	const pad = 4;
	const scale = (width - 2 * pad) / spanX;
	const height = Math.round(Math.min(spanY * scale + 2 * pad, width * 1.5));
	const fit = Math.min(scale, (height - 2 * pad) / spanY);
	const x = (lng: number) => pad + (lng - west) * k * fit;
	const y = (lat: number) => pad + (north - lat) * fit;
	const round = (n: number) => Math.round(n * 10) / 10;

	const legend = steps(Math.max(0, ...buurten.map((o) => counts.get(o.code) ?? 0)));
	const areas = buurten
		.map((o) => {
			const count = counts.get(o.code) ?? 0;
			const drawn = rings(o.geometry);
			const path = drawn.map((ring) => ring.map(([lng, lat], i) => `${i === 0 ? 'M' : 'L'}${round(x(lng))} ${round(y(lat))}`).join('') + 'Z').join('');
			const outer = (drawn[0] ?? []).map(([lng, lat]) => [x(lng), y(lat)]);
			const xs = outer.map((p) => p[0]);
			const ys = outer.map((p) => p[1]);
			const big = outer.length > 2 && Math.max(...xs) - Math.min(...xs) > 28 && Math.max(...ys) - Math.min(...ys) > 16;
			const c = big ? centroid(outer) : null;
			// Wide enough for its name above the count (13 px type, about 7.5 px a letter).
			const named = Math.max(...xs) - Math.min(...xs) > o.name.length * 7.5 + 8 && Math.max(...ys) - Math.min(...ys) > 36;
			const label = c ? { x: round(c[0]), y: round(c[1]), named } : null;
			return { code: o.code, name: o.name, count, step: stepOf(count, legend), path, label };
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return { width, height, areas, legend };
}

/** The centroid of a ring (the shoelace formula); the middle of its box when the ring has no area. */
export function centroid(ring: number[][]): [number, number] {
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		const cross = x0 * y1 - x1 * y0;
		area += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	if (Math.abs(area) < 1e-9) {
		const xs = ring.map((p) => p[0]);
		const ys = ring.map((p) => p[1]);
		return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
	}
	return [cx / (3 * area), cy / (3 * area)];
}
