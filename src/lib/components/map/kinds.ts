import type { MapKind } from '$lib/components/map/types';
import { m } from '$lib/paraglide/messages';

/** The two kinds of point on the maps, with colours of at least 3:1 on the map background. */
export function mapKinds(): Record<string, MapKind> {
	return {
		repair_cafe: { label: m.kaart_kind_repair(), color: '#b3261e' },
		stand: { label: m.kaart_kind_stand(), color: '#1f4e9e' }
	};
}
