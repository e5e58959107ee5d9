import { describe, expect, it } from 'vitest';
import { describeDevice } from './device';

describe('describeDevice', () => {
	it.each([
		['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0', 'Edge op Windows'],
		['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari op iPhone of iPad'],
		['Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36', 'Chrome op Android'],
		['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox op Linux']
	])('%s → %s', (ua, expected) => {
		expect(describeDevice(ua)).toBe(expected);
	});
	it('gives up on what it does not know', () => {
		expect(describeDevice('curl/8.5.0')).toBeNull();
		expect(describeDevice('')).toBeNull();
	});
	it('uses the word for "on" it is given', () => {
		expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'on')).toBe('Firefox on Linux');
	});
});
