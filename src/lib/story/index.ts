// The story module's public face: data model, the built-in story, and the helpers around it.
export * from './schema';
export * from './certainty';
export * from './when';
export { story } from './story';
