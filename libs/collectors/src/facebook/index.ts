export * from './facebook-client';
export * from './facebook-collector';
export * from './facebook-usage-headers';
