export * from './x-client';
export * from './x-collector';
export * from './x-mapper';
export * from './x-read-budget';
