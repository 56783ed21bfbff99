/*
 * Reads and checks a story file off the page's thread: a ten-megabyte file is parsed and
 * validated here, and the page stays responsive meanwhile (readStoryFile in readFile.ts).
 */
import { loadStoryFile, type LoadResult } from './load';
import type { Story } from './vocabulary';

export interface ReadRequest {
	id: number;
	file: Blob;
	current: Story;
	shapes: ReadonlySet<string> | null;
}

export interface ReadAnswer {
	id: number;
	result: LoadResult;
}

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
	postMessage(a: ReadAnswer): void;
};

scope.onmessage = async ({ data }) => {
	scope.postMessage({
		id: data.id,
		result: await loadStoryFile(data.file, data.current, undefined, data.shapes)
	});
};
