// Responses the site builds by hand (map data, exports), compressed when the browser accepts it.

/** A JSON response, gzipped when the browser accepts it: the map data is the biggest thing we send. */
export async function jsonResponse(body: unknown, request: Request, maxAge = 60): Promise<Response> {
	const text = JSON.stringify(body);
	const headers: Record<string, string> = {
		'content-type': 'application/geo+json; charset=utf-8',
		'cache-control': `public, max-age=${maxAge}`,
		vary: 'accept-encoding'
	};
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '') && text.length > 1024) {
		const { gzipSync } = await import('node:zlib');
		return new Response(gzipSync(text), { headers: { ...headers, 'content-encoding': 'gzip' } });
	}
	return new Response(text, { headers });
}
