export * from './support-thresholds';
export * from './support-facts';
export * from './support-flags';
