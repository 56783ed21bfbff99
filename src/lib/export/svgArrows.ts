import { fmt } from './svgStage';
import { ARROW_IMAGE_PX } from '$lib/map/images';
import type { ScreenPoint } from './projection';

/** The arrowheads along the SVG's one-way lanes: where they sit, and their shape. */

/**
 * Where arrowheads sit along a projected line: evenly spread at about `spacing` px (MapLibre's
 * symbol-spacing), at least one in the middle of any line long enough to carry one.
 */
export function arrowAnchors(
	line: readonly ScreenPoint[],
	spacing: number
): { point: ScreenPoint; angle: number }[] {
	const lengths: number[] = [0];
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1] as ScreenPoint;
		const b = line[i] as ScreenPoint;
		lengths.push((lengths[i - 1] ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]));
	}
	const total = lengths[lengths.length - 1] ?? 0;
	if (total < spacing / 4 || spacing <= 0) return [];
	const count = Math.max(1, Math.round(total / spacing));
	const anchors: { point: ScreenPoint; angle: number }[] = [];
	let segment = 1;
	for (let k = 0; k < count; k++) {
		const at = ((k + 0.5) * total) / count;
		while (segment < line.length - 1 && (lengths[segment] ?? 0) < at) segment++;
		const a = line[segment - 1] as ScreenPoint;
		const b = line[segment] as ScreenPoint;
		const start = lengths[segment - 1] ?? 0;
		const len = (lengths[segment] ?? 0) - start;
		const t = len > 0 ? (at - start) / len : 0;
		anchors.push({
			point: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t],
			angle: Math.atan2(b[1] - a[1], b[0] - a[0])
		});
	}
	return anchors;
}

/**
 * The arrowhead of arrowImage.ts (a triangle with 12% padding, tip along +x, ARROW_IMAGE_PX
 * wide at icon-size 1) scaled by icon-size, centred on the anchor and turned along the line.
 */
export function arrowPath([x, y]: ScreenPoint, angle: number, scale: number): string {
	const half = (ARROW_IMAGE_PX / 2) * (1 - 2 * 0.12) * scale;
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const pt = (u: number, v: number) => `${fmt(x + u * cos - v * sin)} ${fmt(y + u * sin + v * cos)}`;
	return `M${pt(half, 0)}L${pt(-half, half)} ${pt(-half, -half)}Z`;
}
