// What every map in the site shows: points (one per item in the list beside it) over area outlines.

export interface MapPoint {
	id: string;
	/** Decides the colour on the map and the filter it belongs to, e.g. 'repair_cafe', 'stand'. */
	kind: string;
	lat: number;
	lng: number;
	title: string;
	subtitle?: string;
	href?: string;
}

export interface MapKind {
	label: string;
	/** A colour with at least 3:1 contrast on the map background. */
	color: string;
}

export type Bounds = [west: number, south: number, east: number, north: number];

export interface Outline {
	level: 'gemeente' | 'wijk' | 'buurt';
	code: string;
	name: string;
	geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}
