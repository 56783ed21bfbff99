import { DEFAULT_VIEW as DEFAULT_FIELDS, snapshotOf } from '../../src/lib/state/view.svelte';

/** The view a reader gets on opening the app, as the style and the exporters read it. */
export const DEFAULT_VIEW = snapshotOf(DEFAULT_FIELDS);
