import type { Story } from './vocabulary';
import builtIn from '../../stories/nk-russia-2023/story.json';

/**
 * The built-in story, from its package (src/stories/nk-russia-2023/: the story file and the
 * reasons behind it). The app itself loads the same file as data (scripts/story-files.ts copies it
 * into static/data after checking it with parseStory, so a broken story fails the build); this
 * import is for the tests and build scripts that need it as a value.
 */
export const story = builtIn as unknown as Story;
