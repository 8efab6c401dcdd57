export * from './mastodon-client';
export * from './mastodon-collector';
export * from './mastodon-handle';
export * from './mastodon-mapper';
export * from './mastodon-person-id';
