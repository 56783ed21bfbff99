import { describe, expect, it } from 'vitest';
import { publishData, publishedCount, resolveData } from '../../src/lib/map/dataProtocol';

const collection = (n: number) => ({ type: 'FeatureCollection' as const, features: [], n });

describe('in-memory data for the map', () => {
	it('keeps one revision per name, so replaced data is released', async () => {
		const before = publishedCount();
		const first = publishData('test-flows', collection(1));
		const second = publishData('test-flows', collection(2));
		expect(second).not.toBe(first);
		expect(publishedCount()).toBe(before + 1);
		// A request for the older URL still in flight gets the newest data of that name.
		await expect(resolveData(first)).resolves.toMatchObject({ n: 2 });
		await expect(resolveData(second)).resolves.toMatchObject({ n: 2 });
	});

	it('refuses URLs it never published', async () => {
		await expect(resolveData('app-data://nothing/1')).rejects.toThrow(/No data published/);
		await expect(resolveData('https://example.org/x.json')).rejects.toThrow(/No data published/);
	});
});
