// The default map style: nothing but what the site itself serves. No tiles, no glyphs, no sprites,
// so the map works offline and in tests, and visitors' browsers talk to no third party. Cluster
// counts are HTML markers (see Map.svelte), because text on the canvas would need a glyph server.
import type { StyleSpecification } from 'maplibre-gl';

export const BACKGROUND = '#eef2ee';

export function defaultStyle(): StyleSpecification {
	return {
		version: 8,
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }]
	};
}
