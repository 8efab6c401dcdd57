export * from './pacific-midnight';
export * from './youtube-client';
export * from './youtube-collector';
export * from './youtube-quota';
