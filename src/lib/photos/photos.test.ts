import { describe, expect, it } from 'vitest';
import { parsePhotoFile, photoSources, photoUrl } from './photos';

const photo = { id: '0b7c3c9e-1111-4222-8333-444455556666', alt: 'Bloembakken', width: 1280, height: 720, widths: [640, 320, 1280], hash: '0123456789abcdef' };

describe('photo addresses', () => {
	it('names every width with the hash, and offers them all in srcset', () => {
		expect(photoUrl(photo, 320)).toBe('/foto/0b7c3c9e-1111-4222-8333-444455556666/0123456789abcdef-320.webp');
		const sources = photoSources(photo);
		expect(sources.srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['320w', '640w', '1280w']);
		expect(sources.src).toContain('-640.webp');
		expect([sources.width, sources.height]).toEqual([1280, 720]);
	});

	it('reads a file name back, and refuses anything else', () => {
		expect(parsePhotoFile('0123456789abcdef-640.webp')).toEqual({ hash: '0123456789abcdef', width: 640 });
		for (const bad of ['0123456789abcdef-640.jpg', '../etc-640.webp', '0123456789ABCDEF-640.webp', '0123456789abcdef-.webp']) {
			expect(parsePhotoFile(bad)).toBeNull();
		}
	});
});
