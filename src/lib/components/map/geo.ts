// Pure geometry for the map: GeoJSON from points and outlines, and the view that shows them all.
// Kept out of Map.svelte so it is unit-tested and runs on the server too.
import type { Bounds, MapPoint, Outline } from './types';

/** Five decimals is about a metre: enough for a front door, and a third less to send than full floats. */
export function round(value: number, decimals = 5): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}

export function pointsToGeoJSON(points: readonly MapPoint[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
	return {
		type: 'FeatureCollection',
		features: points.map((p) => ({
			type: 'Feature',
			id: undefined,
			properties: { id: p.id, kind: p.kind, title: p.title, href: p.href ?? '' },
			geometry: { type: 'Point', coordinates: [round(p.lng), round(p.lat)] }
		}))
	};
}

export function outlinesToGeoJSON(outlines: readonly Outline[]): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: outlines.map((o) => ({
			type: 'Feature',
			properties: { level: o.level, code: o.code, name: o.name },
			geometry: o.geometry
		}))
	};
}

function extend(bounds: Bounds | null, lng: number, lat: number): Bounds {
	if (!bounds) return [lng, lat, lng, lat];
	return [Math.min(bounds[0], lng), Math.min(bounds[1], lat), Math.max(bounds[2], lng), Math.max(bounds[3], lat)];
}

function positions(geometry: Outline['geometry']): GeoJSON.Position[] {
	return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/** The smallest box around the points, or around the outlines when there are no points; null if empty. */
export function boundsOf(points: readonly MapPoint[], outlines: readonly Outline[] = []): Bounds | null {
	let bounds: Bounds | null = null;
	for (const p of points) bounds = extend(bounds, p.lng, p.lat);
	if (bounds) return bounds;
	for (const o of outlines) for (const [lng, lat] of positions(o.geometry)) bounds = extend(bounds, lng, lat);
	return bounds;
}

/** A point or a very small box is widened so the map does not zoom in to the paving stones. */
export function padBounds(bounds: Bounds, minSpan = 0.01): Bounds {
	const [w, s, e, n] = bounds;
	const dx = Math.max(0, minSpan - (e - w)) / 2;
	const dy = Math.max(0, minSpan - (n - s)) / 2;
	return [w - dx, s - dy, e + dx, n + dy];
}

/** Accepts an area outline from the database only if it is a GeoJSON polygon with numeric positions. */
export function asGeometry(value: unknown): Outline['geometry'] | null {
	if (!value || typeof value !== 'object') return null;
	const g = value as { type?: unknown; coordinates?: unknown };
	if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
	if (!Array.isArray(g.coordinates)) return null;
	const depth = g.type === 'Polygon' ? 2 : 3;
	const flat = (g.coordinates as unknown[]).flat(depth - 1) as unknown[];
	const ok = flat.every((p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
	return ok ? (g as Outline['geometry']) : null;
}
