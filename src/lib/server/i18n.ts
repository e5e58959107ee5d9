// Server-side translation of error keys produced by the schemas (`err_too_long:200` and the like).
import { AsyncLocalStorage } from 'node:async_hooks';
import { m } from '$lib/paraglide/messages';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';

type MessageFn = (params?: Record<string, unknown>) => string;

export function translate(key: string): string {
	const [name, n] = key.split(':');
	const message = (m as unknown as Record<string, MessageFn | undefined>)[name];
	if (!message) return (m as unknown as Record<string, MessageFn>).err_invalid();
	return message(n === undefined ? {} : { n: Number(n) });
}

export function hasMessage(name: string): boolean {
	return typeof (m as unknown as Record<string, unknown>)[name] === 'function';
}

/**
 * Runs `render` with the messages in `locale`, outside a request: a job writes each mail in its
 * recipient's language (profiles.locale), whatever language anyone else is using.
 */
export function inLocale<T>(locale: string, render: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale: locale === 'en' ? 'en' : 'nl', messageCalls: new Set() }, render);
}
