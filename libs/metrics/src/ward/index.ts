export * from './civic-network-nodes';
export * from './ward-reach';
export * from './suggested-connections';
export * from './ward-civic-network';
