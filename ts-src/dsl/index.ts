/**
 * Switchyard's declaration API. Integrations under ts-src/integrations import from here only.
 */
export * from './fields';
export * from './objects';
export * from './systems';
export * from './operations';
