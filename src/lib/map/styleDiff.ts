import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/*
 * What MapView must tell MapLibre to go from one list of layers (or sources) to the next, as the
 * smallest calls MapLibre has: setFilter, setLayoutProperty, setPaintProperty, setData. Pure, so
 * the rule "a toggle changes one layer property, never a source" is unit-tested without a map.
 * Why not setStyle(next, { diff: true }): in maplibre-gl 6 it compares against the serialised
 * style, whose GeoJSON sources hold the loaded data rather than our URLs, so every call would
 * reload every source.
 */

export type LayerChange =
	| { kind: 'filter'; layer: string; value: unknown }
	| { kind: 'layout'; layer: string; name: string; value: unknown }
	| { kind: 'paint'; layer: string; name: string; value: unknown };

/** Deep equality for JSON values (style values are JSON). */
function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]));
}

type Props = Record<string, unknown> | undefined;

function propertyChanges(
	kind: 'layout' | 'paint',
	layer: string,
	before: Props,
	after: Props
): LayerChange[] {
	const changes: LayerChange[] = [];
	const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
	for (const name of names) {
		const value = after?.[name];
		// A property that disappears goes back to the style spec's default.
		if (!sameJson(before?.[name], value)) changes.push({ kind, layer, name, value });
	}
	return changes;
}

/**
 * The property changes from `before` to `after`, or null when the two lists do not have the
 * same layers of the same types and sources in the same order (then only a new style will do;
 * buildLayers never does that, and a unit test holds it to it).
 */
export function diffLayers(
	before: readonly LayerSpecification[],
	after: readonly LayerSpecification[]
): LayerChange[] | null {
	if (before.length !== after.length) return null;
	const changes: LayerChange[] = [];
	for (let i = 0; i < after.length; i++) {
		const a = before[i]!;
		const b = after[i]!;
		const source = (l: LayerSpecification) => ('source' in l ? l.source : undefined);
		if (a.id !== b.id || a.type !== b.type || source(a) !== source(b)) return null;
		const filter = (l: LayerSpecification) => ('filter' in l ? l.filter : undefined);
		if (!sameJson(filter(a), filter(b))) changes.push({ kind: 'filter', layer: b.id, value: filter(b) });
		changes.push(...propertyChanges('layout', b.id, a.layout as Props, b.layout as Props));
		changes.push(...propertyChanges('paint', b.id, a.paint as Props, b.paint as Props));
	}
	return changes;
}

/**
 * The GeoJSON sources whose data URL changed, with the new URL; null when the set of sources or
 * anything but the data changed (a new style is needed then).
 */
export function diffSources(
	before: Readonly<Record<string, SourceSpecification>>,
	after: Readonly<Record<string, SourceSpecification>>
): { id: string; data: string }[] | null {
	const ids = Object.keys(after);
	if (!sameJson(Object.keys(before).sort(), [...ids].sort())) return null;
	const changes: { id: string; data: string }[] = [];
	for (const id of ids) {
		const a = before[id]!;
		const b = after[id]!;
		const rest = (s: SourceSpecification) => ({ ...s, data: undefined });
		if (!sameJson(rest(a), rest(b))) return null;
		const data = (s: SourceSpecification) => ('data' in s ? s.data : undefined);
		if (data(a) === data(b)) continue;
		if (typeof data(b) !== 'string') return null;
		changes.push({ id, data: data(b) as string });
	}
	return changes;
}
