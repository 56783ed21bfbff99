import { FLOW_KINDS } from '../../src/lib/story';
import type { StyleView } from '../../src/lib/map/style';

/** The view a reader gets on opening the app: everything on, all certainties, all months. */
export const DEFAULT_VIEW: StyleView = {
	lang: 'de',
	kinds: [...FLOW_KINDS],
	certainty: 'possible',
	monthIndex: null,
	showPatrolWaters: true,
	showRegions: true,
	showBorders: true,
	showLabels: true,
	selectedId: null,
	hoveredId: null
};
