export * from './bluesky-client';
export * from './bluesky-collector';
export * from './bluesky-mapper';
export * from './bluesky-posts-cursor';
