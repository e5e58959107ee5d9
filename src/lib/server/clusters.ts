// Clusters on the server for maps with many points (issue 15, point 4): the map asks for the box it
// shows and its zoom (`?bbox=w,s,e,n&zoom=z`) and gets back only what it draws there — clusters with
// their counts and the single points — from a supercluster index built once per data set.
import Supercluster, { type PointFeature } from 'supercluster';

/** The same as the map's own clustering used to be: 48 px around a point, single points from zoom 16. */
export const CLUSTER_RADIUS = 48;
export const CLUSTER_MAX_ZOOM = 15;
/** MapLibre's zoom range; a request outside it is refused. */
export const MAX_ZOOM = 24;

export interface Viewport {
	/** west, south, east, north in degrees. */
	bbox: [number, number, number, number];
	/** A whole zoom level (the map's fractional zoom rounded down). */
	zoom: number;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The viewport of `?bbox=w,s,e,n&zoom=z`, or null when either is missing or malformed: four finite
 * numbers, longitudes within ±180 (the map clamps a view that wraps the world), latitudes within ±90,
 * west ≤ east and south ≤ north; zoom a number from 0 to 24.
 */
export function parseViewport(params: URLSearchParams): Viewport | null {
	const bboxText = params.get('bbox');
	const zoomText = params.get('zoom');
	if (bboxText === null || zoomText === null || !NUMBER.test(zoomText)) return null;
	const parts = bboxText.split(',');
	if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p.trim()))) return null;
	const [w, s, e, n] = parts.map(Number);
	if (w < -180 || e > 180 || s < -90 || n > 90 || w > e || s > n) return null;
	const zoom = Number(zoomText);
	if (zoom < 0 || zoom > MAX_ZOOM) return null;
	return { bbox: [w, s, e, n], zoom: Math.floor(zoom) };
}

export type PointProperties = Record<string, unknown>;

export interface ClusterIndex {
	/** How many points the index holds. */
	total: number;
	/** The smallest box around all of them (west, south, east, north), null when there are none. */
	bounds: [number, number, number, number] | null;
	/** What the map draws in this viewport: clusters (with `expansion_zoom`) and single points. */
	query(viewport: Viewport): GeoJSON.FeatureCollection<GeoJSON.Point> & { total: number };
}

/** An index over the points of a FeatureCollection; points without a position are left out. */
export function clusterIndex(collection: GeoJSON.FeatureCollection): ClusterIndex {
	const points = collection.features.filter(
		(f): f is GeoJSON.Feature<GeoJSON.Point> =>
			f.geometry?.type === 'Point' && f.geometry.coordinates.length >= 2 && f.geometry.coordinates.every(Number.isFinite)
	);
	const index = new Supercluster<PointProperties>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, extent: 512 });
	index.load(points as PointFeature<PointProperties>[]);
	let bounds: [number, number, number, number] | null = null;
	for (const { geometry: { coordinates: [lng, lat] } } of points) {
		bounds = bounds ? [Math.min(bounds[0], lng), Math.min(bounds[1], lat), Math.max(bounds[2], lng), Math.max(bounds[3], lat)] : [lng, lat, lng, lat];
	}
	return {
		total: points.length,
		bounds,
		query({ bbox, zoom }) {
			const features = index.getClusters(bbox, zoom).map((f) => {
				const p = f.properties as PointProperties;
				if (!p.cluster) return f as GeoJSON.Feature<GeoJSON.Point>;
				const id = p.cluster_id as number;
				return {
					type: 'Feature' as const,
					// Stable for this index; the map keys the count labels by it.
					properties: {
						cluster: true,
						cluster_id: id,
						point_count: p.point_count,
						point_count_abbreviated: p.point_count_abbreviated,
						// Where a click on the cluster zooms to: the level at which it falls apart.
						expansion_zoom: Math.min(index.getClusterExpansionZoom(id), CLUSTER_MAX_ZOOM + 1)
					},
					geometry: { type: 'Point' as const, coordinates: f.geometry.coordinates.map((c) => Math.round(c * 1e5) / 1e5) }
				};
			});
			return { type: 'FeatureCollection', total: points.length, features };
		}
	};
}

const indexes = new Map<string, { at: number; index: Promise<ClusterIndex> }>();
/** Indexes kept per process; the oldest goes first. */
const MAX_INDEXES = 32;

/**
 * An index per key (e.g. who asks and the filters), built from `collection()` and kept for `ttlMs`.
 * The key must hold everything that changes what `collection()` may show, the viewer included.
 */
export async function cachedIndex(key: string, ttlMs: number, collection: () => Promise<GeoJSON.FeatureCollection>): Promise<ClusterIndex> {
	const hit = indexes.get(key);
	if (hit && Date.now() - hit.at < ttlMs) return hit.index;
	const entry = { at: Date.now(), index: collection().then(clusterIndex) };
	indexes.delete(key);
	indexes.set(key, entry);
	while (indexes.size > MAX_INDEXES) indexes.delete(indexes.keys().next().value!);
	try {
		return await entry.index;
	} catch (error) {
		if (indexes.get(key) === entry) indexes.delete(key);
		throw error;
	}
}
