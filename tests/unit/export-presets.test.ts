import { describe, expect, it } from 'vitest';
import { checkSize, sizePresets } from '../../src/lib/export/presets';

const chromium = { maxTextureSize: 16384, maxRenderbufferSize: 16384 };

describe('sizePresets', () => {
	it('offers the current view at 1×, 2×, 3× and the fixed formats', () => {
		const presets = sizePresets({ width: 1000.4, height: 640 }, 'de');
		const byId = Object.fromEntries(presets.map((p) => [p.id, p]));
		expect(byId['view-1x']).toMatchObject({ width: 1000, height: 640, pixelRatio: 1 });
		expect(byId['view-2x']).toMatchObject({ width: 2000, height: 1280, pixelRatio: 2 });
		expect(byId['view-3x']).toMatchObject({ width: 3000, height: 1920, pixelRatio: 3 });
		expect(byId['full-hd']).toMatchObject({ width: 1920, height: 1080 });
		expect(byId.square).toMatchObject({ width: 1080, height: 1080 });
		expect(byId.social).toMatchObject({ width: 1200, height: 675 });
		expect(byId['a4-landscape-300dpi']).toMatchObject({ width: 3508, height: 2480 });
		expect(byId.custom).toBeDefined();
		expect(byId['a4-landscape-300dpi']!.label).toBe('A4 quer, 300 dpi (3508 × 2480)');
		expect(sizePresets({ width: 1000, height: 640 }, 'en')[1]!.label).toBe('Current view 2× (2000 × 1280)');
		// Print sizes draw the map as if about 1200 CSS px wide, so labels stay legible.
		expect(byId['a4-landscape-300dpi']!.pixelRatio).toBeCloseTo(2.92, 2);
		for (const p of presets) expect(checkSize(p.width, p.height, chromium).ok).toBe(true);
	});
});

describe('checkSize', () => {
	it('accepts what the browser can render', () => {
		expect(checkSize(3508, 2480, chromium)).toEqual({ ok: true });
		expect(checkSize(16384, 16384, chromium)).toEqual({ ok: true });
	});

	it('refuses a size beyond the GPU limit and says which limit and how far it goes', () => {
		const r = checkSize(20000, 20000, chromium, 'en');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reason).toContain('20000 × 20000');
		expect(r.reason).toContain('16384 px per side');
		expect(r.reason).toContain('MAX_TEXTURE_SIZE');
		expect(r.suggestion).toEqual({ width: 16384, height: 16384 });
		const de = checkSize(20000, 20000, { maxTextureSize: 8192 }, 'de');
		expect(!de.ok && de.reason).toContain('höchstens 8192 px pro Seite');
	});

	it('names the smaller of texture and renderbuffer limits', () => {
		const r = checkSize(9000, 5000, { maxTextureSize: 16384, maxRenderbufferSize: 8192 });
		expect(!r.ok && r.reason).toContain('MAX_RENDERBUFFER_SIZE');
	});

	it('refuses canvases over the area limit even when each side fits', () => {
		const r = checkSize(30000, 30000, { maxTextureSize: 32768 });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reason).toContain('268 million pixels');
		expect(r.suggestion!.width * r.suggestion!.height).toBeLessThanOrEqual(268_435_456);
		expect(checkSize(16000, 16000, { maxTextureSize: 32768, maxCanvasArea: 100_000_000 }).ok).toBe(false);
	});

	it('refuses nonsense sizes instead of rounding them', () => {
		for (const [w, h] of [
			[0, 100],
			[1920.5, 1080],
			[Number.NaN, 1080],
			[50, 50],
			[-1920, 1080]
		] as const) {
			const r = checkSize(w, h, chromium);
			expect(r.ok).toBe(false);
		}
	});
});

describe('checkSize: the drawing buffer WebGL really gives', () => {
	// SwiftShader's, probed in headless Chromium: 8192 per side, but only about 33 million pixels.
	const swiftShader = {
		...chromium,
		maxTextureSize: 8192,
		maxRenderbufferSize: 8192,
		maxDrawingBufferArea: 33_177_600
	};

	it('refuses a size within every side limit but beyond the buffer, naming it and the largest size that fits', () => {
		const check = checkSize(8192, 8192, swiftShader);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.reason).toContain("this browser's largest WebGL drawing buffer");
		expect(check.suggestion).toEqual({ width: 5760, height: 5760 });
		expect(checkSize(5760, 5760, swiftShader).ok).toBe(true);
	});

	it('says nothing of the buffer before it is probed', () => {
		expect(checkSize(8192, 8192, { ...swiftShader, maxDrawingBufferArea: undefined }).ok).toBe(true);
	});
});
