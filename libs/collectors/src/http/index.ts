export * from './abortable-sleep';
export * from './backoff';
export * from './http-client';
export * from './in-memory-rate-limit-gate';
export * from './rate-limit-gate';
export * from './rate-limit-headers';
export * from './retry-after';
export * from './schema-validation';
