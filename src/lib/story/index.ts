// The story module's public face: data model, the built-in story, and the helpers around it.
// Not the schema: parsing (with zod) is imported from './parse' or './load' where a file is read,
// so nothing that only needs a constant or a type loads the parser.
export * from './vocabulary';
export * from './certainty';
export * from './when';
export { story } from './story';
export * from './credits';
export * from './presentation';
