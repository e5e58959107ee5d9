// The one place maplibre-gl is imported. A dynamic import, so Vite puts the library (about 250 kB
// gzipped) in its own chunk that only pages with a map ever load.
export async function loadMaplibre() {
	const [maplibre, worker] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	maplibre.setWorkerUrl(worker.default);
	return maplibre;
}
