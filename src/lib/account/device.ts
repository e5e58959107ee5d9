/** "Firefox op Windows" from a user-agent string: enough for a resident to recognise a device. */
export function describeDevice(userAgent: string, on = 'op'): string | null {
	const browser = [
		[/Edg\//, 'Edge'],
		[/OPR\//, 'Opera'],
		[/SamsungBrowser\//, 'Samsung Internet'],
		[/Firefox\//, 'Firefox'],
		[/Chrom(e|ium)\//, 'Chrome'],
		[/Safari\//, 'Safari']
	].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
	const system = [
		[/iPhone|iPad/, 'iPhone of iPad'],
		[/Android/, 'Android'],
		[/Windows/, 'Windows'],
		[/Mac OS X|Macintosh/, 'Mac'],
		[/CrOS/, 'ChromeOS'],
		[/Linux/, 'Linux']
	].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
	if (!browser && !system) return null;
	return [browser, system].filter(Boolean).join(` ${on} `);
}
