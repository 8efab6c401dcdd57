export * from './platform';
export * from './collected';
export * from './collector';
export * from './errors';
export * from './http';
export * from './bluesky';
export * from './mastodon';
export * from './rss';
