export * from './quantile';
export * from './distribution';
export * from './council-medians';
export * from './follower-overlap';
