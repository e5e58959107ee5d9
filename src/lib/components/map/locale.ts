// MapLibre's own texts (control titles, the gesture hints) in the page's language. The keys are
// MapLibre's (src/ui/default_locale.ts in maplibre-gl); the texts are ours, in messages/{nl,en}.json.
import { m } from '$lib/paraglide/messages';

export function mapLocale(label: string): Record<string, string> {
	return {
		'Map.Title': label,
		'NavigationControl.ZoomIn': m.map_zoom_in(),
		'NavigationControl.ZoomOut': m.map_zoom_out(),
		'NavigationControl.ResetBearing': m.map_reset_bearing(),
		'AttributionControl.ToggleAttribution': m.map_attribution(),
		'AttributionControl.MapFeedback': m.map_feedback(),
		'FullscreenControl.Enter': m.map_fullscreen_enter(),
		'FullscreenControl.Exit': m.map_fullscreen_exit(),
		'Popup.Close': m.map_popup_close(),
		'Marker.Title': m.map_marker(),
		'CooperativeGesturesHandler.WindowsHelpText': m.map_gesture_windows(),
		'CooperativeGesturesHandler.MacHelpText': m.map_gesture_mac(),
		'CooperativeGesturesHandler.MobileHelpText': m.map_gesture_mobile()
	};
}
