import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto } from './process.server';

/** A JPEG as a phone writes one: camera, date and the GPS position of where it was taken. */
function phoneJpeg(width = 2000, height = 1200, orientation?: number): Promise<Buffer> {
	let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'Fonecam', Model: 'Buurt 1', DateTime: '2026:05:01 10:00:00' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 5/1 40/1' }
		});
	if (orientation) image = image.withMetadata({ orientation });
	return image.toBuffer();
}

/** A valid 1×1 PNG whose header claims other dimensions (its checksum made right). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
	return png;
}

describe('processPhoto', () => {
	it('makes WebP files of 320, 640 and 1280 pixels wide, in proportion', async () => {
		const result = await processPhoto(await phoneJpeg());
		if (!result.ok) throw new Error(result.reason);
		expect(result.files.map((f) => [f.width, f.height])).toEqual([[320, 192], [640, 384], [1280, 768]]);
		for (const file of result.files) {
			const meta = await sharp(file.data).metadata();
			expect(meta.format).toBe('webp');
			expect([meta.width, meta.height]).toEqual([file.width, file.height]);
		}
		expect(result.hash).toMatch(/^[0-9a-f]{16}$/);
	});

	it('drops the GPS position and every other EXIF field', async () => {
		const input = await phoneJpeg();
		// The test image does carry them, so the test can fail.
		const before = await sharp(input).metadata();
		expect(before.exif?.includes(Buffer.from('Fonecam'))).toBe(true);
		expect(before.exif?.length).toBeGreaterThan(100);
		const result = await processPhoto(input);
		if (!result.ok) throw new Error(result.reason);
		for (const file of result.files) {
			const meta = await sharp(file.data).metadata();
			expect(meta.exif).toBeUndefined();
			expect(meta.xmp).toBeUndefined();
			expect(meta.orientation).toBeUndefined();
			expect(file.data.includes(Buffer.from('Exif'))).toBe(false);
			expect(file.data.includes(Buffer.from('Fonecam'))).toBe(false);
		}
	});

	it('turns a photo upright by its EXIF orientation', async () => {
		// Stored 800×400, to be shown turned a quarter (orientation 6): upright it is 400 wide, 800 high.
		const result = await processPhoto(await phoneJpeg(800, 400, 6));
		if (!result.ok) throw new Error(result.reason);
		expect(result.files.map((f) => [f.width, f.height])).toEqual([[320, 640], [400, 800]]);
	});

	it('never makes a photo larger than it was', async () => {
		const result = await processPhoto(await phoneJpeg(500, 250));
		if (!result.ok) throw new Error(result.reason);
		expect(result.files.map((f) => f.width)).toEqual([320, 500]);
	});

	it('keeps a very tall picture within 2.5 times its width', async () => {
		const result = await processPhoto(await phoneJpeg(400, 4000));
		if (!result.ok) throw new Error(result.reason);
		expect(result.files.map((f) => [f.width, f.height])).toEqual([[80, 800], [100, 1000]]);
	});

	it('reads PNG, WebP and AVIF too', async () => {
		const base = sharp({ create: { width: 700, height: 700, channels: 4, background: '#3366cc80' } });
		for (const input of [await base.clone().png().toBuffer(), await base.clone().webp().toBuffer(), await base.clone().avif().toBuffer()]) {
			const result = await processPhoto(input);
			expect(result.ok && result.files.map((f) => f.width)).toEqual([320, 640, 700]);
		}
	});

	it('refuses what is not a photo: text, an SVG, a GIF, a broken JPEG', async () => {
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script></svg>');
		const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
		const broken = (await phoneJpeg()).subarray(0, 2000);
		for (const input of [Buffer.from('dit is geen foto'), svg, gif, broken, Buffer.alloc(0)]) {
			expect(await processPhoto(input)).toEqual({ ok: false, reason: 'not_image' });
		}
	});

	it('refuses a decompression bomb before decoding it, and a file over 10 MB', async () => {
		const bomb = await pngClaiming(20_000, 20_000);
		expect(bomb.length).toBeLessThan(200);
		expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
		expect(await processPhoto(bomb)).toEqual({ ok: false, reason: 'too_many_pixels' });
		expect(await processPhoto(Buffer.alloc(10 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: 'too_large' });
	});
});
