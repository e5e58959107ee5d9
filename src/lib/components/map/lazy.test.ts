import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyMap } from './lazy';

// A stand-in for the browser: an idle callback and an observer the test fires by hand.
function fakeBrowser() {
	const idle: (() => void)[] = [];
	const observers: { fire: (visible: boolean) => void; disconnected: boolean }[] = [];
	vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
	vi.stubGlobal('cancelIdleCallback', () => idle.splice(0));
	vi.stubGlobal(
		'IntersectionObserver',
		class {
			record: { fire: (visible: boolean) => void; disconnected: boolean };
			constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
				this.record = { fire: (visible) => !this.record.disconnected && callback([{ isIntersecting: visible }]), disconnected: false };
				observers.push(this.record);
			}
			observe() {}
			disconnect() {
				this.record.disconnected = true;
			}
		}
	);
	return {
		goIdle: () => idle.splice(0).forEach((fn) => fn()),
		scrollIntoView: (visible = true) => observers.forEach((o) => o.fire(visible))
	};
}

const element = {} as Element;

afterEach(() => vi.unstubAllGlobals());

describe('when a map loads', () => {
	it('on a desktop: only once the browser is idle and the box is in view, and once', () => {
		const browser = fakeBrowser();
		const start = vi.fn();
		const lazy = lazyMap(element, start, { phone: false });
		expect(lazy.ask).toBe(false);
		browser.goIdle();
		expect(start).not.toHaveBeenCalled();
		browser.scrollIntoView(false);
		expect(start).not.toHaveBeenCalled();
		browser.scrollIntoView(true);
		expect(start).toHaveBeenCalledTimes(1);
		lazy.show();
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('on a desktop, in view before idle: waits for idle', () => {
		const browser = fakeBrowser();
		const start = vi.fn();
		lazyMap(element, start, { phone: false });
		browser.scrollIntoView(true);
		expect(start).not.toHaveBeenCalled();
		browser.goIdle();
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('on a phone: never by itself, only on the tap', () => {
		const browser = fakeBrowser();
		const start = vi.fn();
		const lazy = lazyMap(element, start, { phone: true });
		expect(lazy.ask).toBe(true);
		browser.goIdle();
		browser.scrollIntoView(true);
		expect(start).not.toHaveBeenCalled();
		lazy.show();
		lazy.show();
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('not at all once the component is gone', () => {
		const browser = fakeBrowser();
		const start = vi.fn();
		const lazy = lazyMap(element, start, { phone: false });
		lazy.cancel();
		browser.goIdle();
		browser.scrollIntoView(true);
		lazy.show();
		expect(start).not.toHaveBeenCalled();
	});
});
