export { createSandbox } from './sandbox-server';
export type { Sandbox, SandboxOptions, SandboxRateLimitOptions } from './sandbox-server';
export type { SandboxPlatform } from './http/sandbox-http';
export type { RateLimitPolicy } from './http/rate-limiter';
export type { RequestStatsSnapshot } from './http/request-stats';
export type { TickSummary } from './world/tick-world';
export type { WorldSummary } from './world/world-summary';
export { summariseWorld } from './world/world-summary';
export { World } from './world/world';
