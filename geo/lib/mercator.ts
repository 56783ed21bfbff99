/**
 * Web Mercator in degree units (x = longitude, y = stretched latitude), the plane the map is
 * drawn in. Simplification and label placement measure here so that what looks small on screen
 * is what gets removed, at 70°N as much as at the equator.
 */

/** MapLibre's latitude limit: beyond it Mercator y grows without bound. */
export const MERCATOR_MAX_LAT = 85.0511287798066;

export function mercatorY(lat: number): number {
	const clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
	const phi = (clamped * Math.PI) / 180;
	return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
}

export function mercatorLat(y: number): number {
	return (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI;
}

/** Absolute area of a closed ring, in squared Mercator degrees. */
export function mercatorRingArea(ring: readonly (readonly number[])[]): number {
	let sum = 0;
	for (let i = 1; i < ring.length; i++) {
		const a = ring[i - 1];
		const b = ring[i];
		if (!a || !b) continue;
		sum += (a[0] ?? 0) * mercatorY(b[1] ?? 0) - (b[0] ?? 0) * mercatorY(a[1] ?? 0);
	}
	return Math.abs(sum) / 2;
}
