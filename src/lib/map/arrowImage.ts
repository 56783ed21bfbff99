/**
 * The arrowhead drawn along flows: a solid triangle pointing in the +x direction (MapLibre turns
 * line-placed icons so +x follows the line's vertex order, i.e. from origin to destination).
 * Returned as raw RGBA so it can be added as an SDF image and tinted per flow kind with icon-color.
 */
export function arrowImage(size = 24): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	const pad = size * 0.12;
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// Triangle with its base on the left edge and its tip on the right, centred vertically.
			const u = (x + 0.5 - pad) / (size - 2 * pad);
			const halfHeight = (1 - u) * (size / 2 - pad);
			const inside = u >= 0 && u <= 1 && Math.abs(y + 0.5 - size / 2) <= halfHeight;
			const i = (y * size + x) * 4;
			data[i] = data[i + 1] = data[i + 2] = 255;
			data[i + 3] = inside ? 255 : 0;
		}
	}
	return { width: size, height: size, data };
}
