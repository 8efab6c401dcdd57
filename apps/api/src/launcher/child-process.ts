import { spawn, type ChildProcess } from 'node:child_process';

export interface SupervisedChild {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * Runs a Node entry point as a child process with its output prefixed, and starts it again if it
 * dies unexpectedly (a worker killed mid-collection comes back and its stalled jobs resume).
 */
export function superviseNode(params: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  restart?: boolean;
  onExit?: (code: number | null) => void;
}): SupervisedChild {
  let child: ChildProcess | null = null;
  let stopping = false;
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${params.name}] ${line}\n`)
      .join('');

  const start = () => {
    child = spawn(process.execPath, [params.script], { env: params.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
    child.on('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `[${params.name}] exited (${signal ?? code})${params.restart ? '; restarting' : ''}\n`,
      );
      params.onExit?.(code);
      if (params.restart) setTimeout(start, 1000);
    });
  };
  start();

  return {
    name: params.name,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const running = child;
        if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
        const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
        running.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        running.kill('SIGTERM');
      }),
  };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
