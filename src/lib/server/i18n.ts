// Server-side translation of error keys produced by the schemas (`err_too_long:200` and the like).
import { m } from '$lib/paraglide/messages';

type MessageFn = (params?: Record<string, unknown>) => string;

export function translate(key: string): string {
	const [name, n] = key.split(':');
	const message = (m as unknown as Record<string, MessageFn | undefined>)[name];
	if (!message) return (m as unknown as Record<string, MessageFn>).err_invalid();
	return message(n === undefined ? {} : { n: Number(n) });
}
