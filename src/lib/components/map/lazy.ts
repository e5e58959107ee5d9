// When a map is loaded (issue 15, point 3). MapLibre is large (about 250 kB gzipped, and a long task
// to parse and to set up WebGL), so it never competes with the list, which is the page's real content
// and its largest paint:
// - on a phone (a narrow viewport) only when the person asks, with the "Toon kaart" button (and, once
//   asked, the later maps in the same tab as below: sessionStorage remembers it);
// - elsewhere once the page has loaded and the browser is idle (requestIdleCallback, with a timeout,
//   and a plain timer where it is missing) and the map's box is in view (IntersectionObserver).
// The component calls `lazyMap` in onMount; without JavaScript none of this runs and the server's
// sentence that points to the list stays.

/** Viewports at most this wide wait for a tap. The same width as the CSS in Map.svelte and PinPicker.svelte. */
export const PHONE_QUERY = '(max-width: 40rem)';

export interface LazyMap {
	/** True on a phone: the caller shows its button and calls `show` on a tap. */
	ask: boolean;
	/** Loads the map now (a tap on the button); at most once. */
	show(): void;
	/** Stops waiting (the component is destroyed). */
	cancel(): void;
}

interface Options {
	/** Longest wait for an idle moment, in ms. */
	idleTimeout?: number;
	/** Overrides the viewport check (tests). */
	phone?: boolean;
}

export function isPhone(): boolean {
	return typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;
}

/** Once a person has asked for a map, later maps in the same tab (a filter, the next page) load as on a desktop. */
const ASKED_KEY = 'buurtplein:map-asked';
function asked(): boolean {
	try {
		return sessionStorage.getItem(ASKED_KEY) === '1';
	} catch {
		return false;
	}
}
function remember() {
	try {
		sessionStorage.setItem(ASKED_KEY, '1');
	} catch {
		// Storage refused (private mode): the next map asks again.
	}
}

export function lazyMap(element: Element, start: () => void, { idleTimeout = 3000, phone = isPhone() && !asked() }: Options = {}): LazyMap {
	let started = false;
	let cancelled = false;
	const stops: (() => void)[] = [];
	const stopWaiting = () => {
		for (const stop of stops.splice(0)) stop();
	};
	const show = () => {
		if (started || cancelled) return;
		started = true;
		stopWaiting();
		start();
	};
	const cancel = () => {
		cancelled = true;
		stopWaiting();
	};
	if (phone)
		return {
			ask: true,
			show: () => {
				remember();
				show();
			},
			cancel
		};

	let idle = false;
	let visible = false;
	const check = () => idle && visible && show();
	stops.push(
		afterLoadAndIdle(() => {
			idle = true;
			check();
		}, idleTimeout)
	);
	stops.push(
		whenVisible(element, () => {
			visible = true;
			check();
		})
	);
	return { ask: false, show, cancel };
}

/** Calls `fn` after the window's load event, in the browser's next idle moment; returns a cancel. */
export function afterLoadAndIdle(fn: () => void, timeout: number): () => void {
	let stop = () => {};
	const idle = () => {
		if (typeof requestIdleCallback === 'function') {
			const handle = requestIdleCallback(() => fn(), { timeout });
			stop = () => cancelIdleCallback(handle);
		} else {
			const handle = setTimeout(fn, 200);
			stop = () => clearTimeout(handle);
		}
	};
	if (typeof document === 'undefined' || document.readyState === 'complete') idle();
	else {
		const onLoad = () => idle();
		addEventListener('load', onLoad, { once: true });
		stop = () => removeEventListener('load', onLoad);
	}
	return () => stop();
}

/** Calls `fn` once the element is (nearly) in view; at once where IntersectionObserver is missing. */
export function whenVisible(element: Element, fn: () => void): () => void {
	if (typeof IntersectionObserver !== 'function') {
		fn();
		return () => {};
	}
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((e) => e.isIntersecting)) {
				observer.disconnect();
				fn();
			}
		},
		{ rootMargin: '200px' }
	);
	observer.observe(element);
	return () => observer.disconnect();
}
