export * from './feed-parser';
export * from './rss-collector';
