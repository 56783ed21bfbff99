import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/lib/export/lineBreaks';
import { boxesFromMap, CollisionIndex, labelInBox, placeCityLabels } from '../../src/lib/export/svgLabels';
import { approximateMeasure } from '../../src/lib/export/layout';
import { makeStage, nearestCopy } from '../../src/lib/export/svgStage';
import { TILE_SIZE } from '../../src/lib/export/projection';

/** One unit per character: the tests count widths in characters. */
const chars = (s: string) => [...s].length;

describe('breakLines (MapLibre line breaking)', () => {
	it('keeps a name that fits on one line', () => {
		expect(breakLines('Pyongyang', 10, chars)).toEqual(['Pyongyang']);
		expect(breakLines(' Sinpo ', 10, chars)).toEqual(['Sinpo']);
	});

	it('breaks into even lines, not greedily', () => {
		// Greedy filling would give "aaa bbb ccc ddd" / "eee"; MapLibre aims at the average width.
		expect(breakLines('aaa bbb ccc ddd eee', 15, chars)).toEqual(['aaa bbb ccc', 'ddd eee']);
		expect(breakLines('Vostochny Cosmodrome', 12, chars)).toEqual(['Vostochny', 'Cosmodrome']);
	});

	it('takes the line breaks the text asks for, and breaks after dashes and slashes', () => {
		expect(breakLines("Kim's train\n12 September 2023", 40, chars)).toEqual([
			"Kim's train",
			'12 September 2023'
		]);
		expect(breakLines('Moscow–Pyongyang', 8, chars)).toEqual(['Moscow–', 'Pyongyang']);
		expect(breakLines('Sea of Japan/East Sea', 12, chars)).toEqual(['Sea of Japan/', 'East Sea']);
	});

	it('never breaks inside a word, however long', () => {
		expect(breakLines('Wladiwostok', 3, chars)).toEqual(['Wladiwostok']);
	});
});

describe('names where MapLibre placed them', () => {
	const box = { minX: 100, maxX: 150, minY: 40, maxY: 60 };

	it('hangs a name from the side that faces its point', () => {
		expect(labelInBox(['Beijing'], box, 15, [90, 50])).toMatchObject({ anchor: 'start', x: 100, y: 50 });
		expect(labelInBox(['Beijing'], box, 15, [160, 50])).toMatchObject({ anchor: 'end', x: 150 });
		expect(labelInBox(['Beijing'], box, 15, [125, 30])).toMatchObject({ anchor: 'middle', x: 125 });
		expect(labelInBox(['China'], box, 15, null)).toMatchObject({ anchor: 'middle', x: 125 });
	});

	it("turns the map's CSS px into the export's px, less the text-padding", () => {
		const stage = makeStage(
			{ x: 10, y: 20, width: 400, height: 300 },
			{ center: [0, 0], zoom: 2, bearing: 0 },
			2
		);
		const labels = new Map([
			['places-label', new Map([['beijing', { minX: 5, minY: 6, maxX: 25, maxY: 16 }]])],
			['country-labels', new Map([['156', { minX: 0, minY: 0, maxX: 10, maxY: 10 }]])]
		]);
		const out = boxesFromMap(labels, ['places-label'], stage, 2, 1);
		expect([...out.keys()]).toEqual(['beijing']);
		expect(out.get('beijing')).toEqual({
			minX: 10 + 6 * 2,
			minY: 20 + 7 * 2,
			maxX: 10 + 24 * 2,
			maxY: 20 + 15 * 2
		});
	});

	it('hangs a name from its dot even when the dot is just off the picture', () => {
		const stage = makeStage(
			{ x: 0, y: 0, width: 400, height: 300 },
			{ center: [0, 0], zoom: 2, bearing: 0 },
			1
		);
		// A city 10 px west of the left edge; MapLibre put its name right of it, in the picture.
		const degreesPerPx = 360 / (TILE_SIZE * 2 ** 2);
		const coord = [-(200 + 10) * degreesPerPx, 0];
		const [px, py] = stage.toImage(coord, 0);
		expect(px).toBeCloseTo(-10, 6);
		const places = {
			type: 'FeatureCollection' as const,
			features: [
				{
					type: 'Feature' as const,
					properties: { id: 'edge', role: 'city', name_en: 'Edge Town Harbour' },
					geometry: { type: 'Point' as const, coordinates: coord }
				}
			]
		};
		const box = { minX: px + 9, minY: py - 16, maxX: px + 100, maxY: py + 16 };
		expect(nearestCopy(stage, coord, box)).toEqual([px, py]);
		const [named] = placeCityLabels(
			places,
			{},
			stage,
			1,
			approximateMeasure,
			(f) => String(f.properties?.name_en ?? ''),
			new CollisionIndex(),
			new Map([['edge', box]])
		);
		expect(named?.label).toMatchObject({ anchor: 'start', x: box.minX });
	});
});
