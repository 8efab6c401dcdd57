export * from './platform';
export * from './figures';
export * from './councillors';
export * from './events';
export * from './errors';
export * from './council-figures';
export * from './collection-status';
