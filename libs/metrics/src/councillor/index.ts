export * from './channel-roles';
export * from './councillor-facts';
export * from './active-platforms';
export * from './channel-pairing';
export * from './reach';
export * from './councillor-figures';
export * from './footprint-index-settings';
export * from './footprint-index';
