// The map's points from the server, one viewport at a time (issue 15, point 4): for maps with many
// points, the server clusters (src/lib/server/clusters.ts) and the map asks for the box it shows and
// its zoom, again after each move (debounced; a newer request aborts the older one). The box asked
// for is the view plus a margin, so a small pan needs no new request.
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';

export type Box = [number, number, number, number];

/** A quarter of the view's width and height on each side. */
const MARGIN = 0.25;
const DEBOUNCE_MS = 150;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The view plus its margin, clamped to the world (a view that wraps the dateline asks for all of it). */
export function paddedBox([w, s, e, n]: Box): Box {
	const dx = (e - w) * MARGIN;
	const dy = (n - s) * MARGIN;
	return [round(clamp(w - dx, -180, 180)), round(clamp(s - dy, -90, 90)), round(clamp(e + dx, -180, 180)), round(clamp(n + dy, -90, 90))];
}

export function contains(outer: Box, inner: Box): boolean {
	return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** `url?bbox=w,s,e,n&zoom=z`, keeping any query the url already has. */
export function viewportUrl(url: string, box: Box, zoom: number): string {
	return `${url}${url.includes('?') ? '&' : '?'}bbox=${box.join(',')}&zoom=${zoom}`;
}

export interface ViewportFeed {
	/** The latest data, for the source when it is added. */
	readonly data: GeoJSON.FeatureCollection;
	/** The map's source: from now on each answer replaces its data. */
	attach(source: GeoJSONSource): void;
	/** Called once, after the first answer is in the source. */
	onFirstData(callback: () => void): void;
}

/** Starts fetching at once (the map's camera is set when it is built) and follows the map's moves. */
export function followViewport(map: MaplibreMap, url: string): ViewportFeed {
	let data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
	let source: GeoJSONSource | null = null;
	let have: { box: Box; zoom: number } | null = null;
	let controller: AbortController | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let arrived = false;
	const waiting: (() => void)[] = [];

	const view = (): { box: Box; zoom: number } => {
		const b = map.getBounds();
		return { box: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: Math.floor(map.getZoom()) };
	};
	const fetchView = async () => {
		const { box, zoom } = view();
		if (have && have.zoom === zoom && contains(have.box, box)) return;
		const wanted = paddedBox(box);
		controller?.abort();
		const mine = (controller = new AbortController());
		try {
			const response = await fetch(viewportUrl(url, wanted, zoom), { signal: mine.signal });
			if (!response.ok) throw new Error(`${response.status}`);
			const next = (await response.json()) as GeoJSON.FeatureCollection;
			if (mine.signal.aborted) return;
			data = next;
			have = { box: wanted, zoom };
			source?.setData(data);
			if (source && !arrived) firstData();
		} catch (error) {
			if (!mine.signal.aborted) console.warn('[map] points not loaded:', error);
		}
	};
	const firstData = () => {
		arrived = true;
		for (const callback of waiting.splice(0)) callback();
	};
	const onMove = () => {
		clearTimeout(timer);
		timer = setTimeout(fetchView, DEBOUNCE_MS);
	};
	map.on('moveend', onMove);
	map.once('remove', () => {
		clearTimeout(timer);
		controller?.abort();
		map.off('moveend', onMove);
	});
	void fetchView();

	return {
		get data() {
			return data;
		},
		attach(s) {
			source = s;
			source.setData(data);
			if (have && !arrived) firstData();
		},
		onFirstData(callback) {
			if (arrived) callback();
			else waiting.push(callback);
		}
	};
}
