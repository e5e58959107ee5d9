// Pure geometry for the map: GeoJSON from points and outlines, and the view that shows them all.
// Kept out of Map.svelte so it is unit-tested and runs on the server too.
import type { Bounds, MapPoint, Outline } from './types';

/** Five decimals is about a metre: enough for a front door, and a third less to send than full floats. */
export function round(value: number, decimals = 5): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}

export type LocatedPoint = MapPoint & { lat: number; lng: number };

export function located(points: readonly MapPoint[]): LocatedPoint[] {
	return points.filter((p): p is LocatedPoint => typeof p.lat === 'number' && typeof p.lng === 'number');
}

export function pointsToGeoJSON(points: readonly MapPoint[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
	return {
		type: 'FeatureCollection',
		features: located(points).map((p) => ({
			type: 'Feature',
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

/**
 * The smallest box around the points; with fewer than two points the outlines count too, so a single
 * initiative shows its whole buurt. Null when there is nothing to show.
 */
export function boundsOf(points: readonly MapPoint[], outlines: readonly Outline[] = []): Bounds | null {
	let bounds: Bounds | null = null;
	const shown = located(points);
	for (const p of shown) bounds = extend(bounds, p.lng, p.lat);
	if (shown.length >= 2) return bounds;
	for (const o of outlines) for (const [lng, lat] of positions(o.geometry)) bounds = extend(bounds, lng, lat);
	return bounds;
}

/**
 * Room around the box in pixels, so the largest cluster circle (29 px and its edge) and the outlines'
 * edges stay inside the map, and the zoom buttons do not cover them; never more than a fifth of the
 * map, so a small map on a phone still shows something.
 */
export function fitPadding(width: number, height: number): { top: number; right: number; bottom: number; left: number } {
	const room = (px: number) => Math.max(8, Math.min(px, Math.floor(Math.min(width, height) / 5)));
	return { top: room(40), bottom: room(40), left: room(40), right: room(56) };
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
