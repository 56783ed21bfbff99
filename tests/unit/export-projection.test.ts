import { describe, expect, it } from 'vitest';
import { makeProjector, nearestCopyShift, type Viewport } from '../../src/lib/export/projection';

/**
 * Reference values recorded from maplibre-gl 6.17.0 itself (`map.project(lngLat)` on a real map
 * in headless Chromium, renderWorldCopies on), so the vector export is pinned to the screen.
 */
const MAPLIBRE_REFERENCE: {
	viewport: Viewport;
	points: [number, number][];
	projected: [number, number][];
}[] = [
	{
		viewport: { width: 800, height: 600, center: [130, 40], zoom: 3, bearing: 0 },
		points: [
			[130, 40],
			[135, 40],
			[130, 45],
			[190, 60],
			[-170, 60],
			[37.6, 55.75]
		],
		projected: [
			[400, 300],
			[456.8888888888889, 300],
			[400, 222.77352109721215],
			[1082.666666666666, -61.18330114282383],
			[-3013.3333333333335, -61.18330114282383],
			[-651.3066666666666, 29.877158454600462]
		]
	},
	{
		viewport: { width: 800, height: 600, center: [130, 40], zoom: 3, bearing: 90 },
		points: [
			[130, 40],
			[135, 40],
			[130, 45],
			[125.76, 39.04]
		],
		projected: [
			[400.0000000000003, 300],
			[400.0000000000003, 243.11111111111111],
			[322.7735210972124, 300],
			[414.15988189256933, 348.2417777777779]
		]
	},
	{
		viewport: { width: 1000, height: 700, center: [120.5, 45.2], zoom: 2.7, bearing: -33.5 },
		points: [
			[131.88, 43.11],
			[37.6, 55.75],
			[116.4, 39.9],
			[200, 65]
		],
		projected: [
			[572.8382207079574, 430.50005690412195],
			[-53.83316445275254, -201.32612011136132],
			[431.67131342862024, 384.58302612968987],
			[1293.9008435463347, 481.6938562878589]
		]
	},
	{
		viewport: { width: 512, height: 512, center: [0, 0], zoom: 0, bearing: 0 },
		points: [
			[-180, 0],
			[180, 0],
			[0, 85.0511287798066],
			[90, -45]
		],
		projected: [
			[0, 256],
			[512, 256],
			[256, 0],
			[384, 327.82078109941506]
		]
	}
];

describe('makeProjector (MapLibre camera math)', () => {
	it('puts the camera centre in the middle of the viewport, whatever zoom and bearing', () => {
		for (const bearing of [0, 37, -120, 180])
			for (const zoom of [0, 2.5, 7]) {
				const p = makeProjector({ center: [131.9, 43.1], zoom, bearing, width: 900, height: 500 });
				const [x, y] = p([131.9, 43.1]);
				expect(x).toBeCloseTo(450, 9);
				expect(y).toBeCloseTo(250, 9);
			}
	});

	it('spans the whole world across 512 px at zoom 0, and doubles per zoom level', () => {
		const p0 = makeProjector({ center: [0, 0], zoom: 0, bearing: 0, width: 512, height: 512 });
		expect(p0([-180, 0])[0]).toBeCloseTo(0, 9);
		expect(p0([180, 0])[0]).toBeCloseTo(512, 9);
		expect(p0.worldSize).toBe(512);
		// Mercator's edge latitude is the top of the world square.
		expect(p0([0, 85.0511287798066])[1]).toBeCloseTo(0, 6);
		const p1 = makeProjector({ center: [0, 0], zoom: 1, bearing: 0, width: 512, height: 512 });
		expect(p1([180, 0])[0] - p1([-180, 0])[0]).toBeCloseTo(1024, 9);
	});

	it('turns the map with the bearing: at bearing 90 east points up, north points left', () => {
		const at = (bearing: number) =>
			makeProjector({ center: [130, 40], zoom: 4, bearing, width: 800, height: 600 });
		const east: [number, number] = [135, 40];
		const north: [number, number] = [130, 45];
		// Bearing 0: east is to the right, north is up.
		expect(at(0)(east)[0]).toBeGreaterThan(400);
		expect(at(0)(east)[1]).toBeCloseTo(300, 9);
		expect(at(0)(north)[1]).toBeLessThan(300);
		// Bearing 90: the map is turned so that east is at the top.
		expect(at(90)(east)[0]).toBeCloseTo(400, 6);
		expect(at(90)(east)[1]).toBeLessThan(300);
		expect(at(90)(north)[0]).toBeLessThan(400);
		// Bearing -90: east at the bottom.
		expect(at(-90)(east)[1]).toBeGreaterThan(300);
	});

	it('matches maplibre-gl map.project() to well below a pixel', () => {
		for (const ref of MAPLIBRE_REFERENCE) {
			const project = makeProjector(ref.viewport);
			ref.points.forEach((point, i) => {
				const [x, y] = project(point);
				const [ex, ey] = ref.projected[i] as [number, number];
				expect(Math.abs(x - ex), `${JSON.stringify(ref.viewport)} ${point}`).toBeLessThan(1e-6);
				expect(Math.abs(y - ey)).toBeLessThan(1e-6);
			});
		}
	});

	it('takes unwrapped longitudes past 180 literally: one world width east of their wrapped twin', () => {
		const p = makeProjector({ center: [175, 65], zoom: 3, bearing: 20, width: 800, height: 600 });
		const unwrapped = p([190, 66]);
		const wrapped = p([-170, 66]);
		const shifted = p([-170 + 360, 66]);
		expect(unwrapped[0]).toBeCloseTo(shifted[0], 9);
		expect(unwrapped[1]).toBeCloseTo(shifted[1], 9);
		// Rotated by 20°, one world east is (cos, -sin) · worldSize away.
		expect(unwrapped[0] - wrapped[0]).toBeCloseTo(p.worldSize * Math.cos((20 * Math.PI) / 180), 6);
		// Chukotka east of 180 sits just right of the centre, not a world away.
		expect(Math.abs(unwrapped[0] - 400)).toBeLessThan(200);
	});

	it('finds the world copies in which a shape can be on screen', () => {
		// Centre just west of the antimeridian: a shape at 185..195 shows as is.
		const p = makeProjector({ center: [178, 60], zoom: 3, bearing: 0, width: 800, height: 600 });
		expect(p.copyShifts(185, 195)).toEqual([0]);
		// The same shape stored wrapped (-175..-165) must be drawn one world east.
		expect(p.copyShifts(-175, -165)).toEqual([360]);
		// Far away (Europe) it is not drawn at all at this zoom.
		expect(p.copyShifts(0, 20)).toEqual([]);
		// At zoom 0 a wide viewport shows several copies of the world.
		const wide = makeProjector({ center: [0, 0], zoom: 0, bearing: 0, width: 1600, height: 400 });
		expect(wide.copyShifts(-10, 10)).toEqual([-360, 0, 360]);
		expect(wide.copyShifts(-180, 180)).toEqual([-720, -360, 0, 360, 720]);
		expect(nearestCopyShift(-170, 175)).toBe(360);
		expect(nearestCopyShift(190, -175)).toBe(-360);
		expect(nearestCopyShift(10, 0)).toBe(0);
	});
});
