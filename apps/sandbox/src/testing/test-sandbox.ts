import { createSandbox } from '../sandbox-server';
import type { Sandbox, SandboxOptions } from '../sandbox-server';

/** The instant the tests' 90 days of history end at. */
export const TEST_ANCHOR = new Date('2026-11-01T12:00:00.000Z');

export interface RunningSandbox {
  sandbox: Sandbox;
  url: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  getJson<T = unknown>(path: string): Promise<T>;
}

/** Starts a sandbox on a free loopback port with a fixed clock and no ticking timer. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox({
    seed: 7,
    tickMs: 0,
    now: () => TEST_ANCHOR,
    residents: 12_000,
    ...options,
  });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, url), { headers });
  return {
    sandbox,
    url,
    get,
    async getJson<T>(path: string): Promise<T> {
      const response = await get(path);
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
