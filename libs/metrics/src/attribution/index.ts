export * from './attribution-result';
export * from './place-name-tokens';
export * from './postcode-mentions';
export * from './compiled-gazetteer';
export * from './place-name-matches';
export * from './ward-attribution';
export * from './attribution-weights';
export * from './evidence-kinds';
