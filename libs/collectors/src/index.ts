export * from './platform';
export * from './collected';
export * from './collector';
export * from './errors';
