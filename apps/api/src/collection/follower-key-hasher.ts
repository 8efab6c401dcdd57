import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Platform } from '@wardreach/collectors';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { followerKeysOf } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import type { FollowerKeyJob, FollowerKeyResult } from './follower-key-job';

/** Options of a `FollowerKeyHasher`, under `FOLLOWER_KEY_HASHER_OPTIONS` (none by default). */
export interface FollowerKeyHasherOptions {
  /** False: every key is worked out on the calling thread. */
  thread?: boolean;
  /** The thread's entry, instead of `follower-key.worker` beside this file (tests). */
  entry?: string;
}

export const FOLLOWER_KEY_HASHER_OPTIONS = Symbol('FOLLOWER_KEY_HASHER_OPTIONS');

interface Waiting {
  platform: Platform;
  externalIds: readonly string[];
  resolve: (keys: Int32Array) => void;
  reject: (error: Error) => void;
}

/**
 * Works out the follower keys of a sweep's pages (HMAC-SHA256 of each id under the deployment secret,
 * `followerKeysOf`) on a thread of its own, so that this thread attributes the page, sorts the one
 * before against the account's edges and talks to the database meanwhile: the HMAC is the larger part
 * of what a sweep costs in CPU. One thread, started when first needed; pages are answered in the order
 * sent. Should the thread fail to start (no compiled entry and no compiler at hand), the keys are
 * worked out on this thread instead, as before, and a warning says so; should it die later, the pages
 * it held fail (their sweep resumes from its cursor on the next run) and the next page starts another.
 */
@Injectable()
export class FollowerKeyHasher implements OnModuleDestroy {
  private readonly logger = new Logger(FollowerKeyHasher.name);
  private worker: Worker | null = null;
  /** Whether the thread said it was ready (one that never did failed to start). */
  private ready = false;
  /** Keys asked of the thread and not yet answered, for a shutdown to wait for. */
  private readonly unanswered = new Set<Promise<Int32Array>>();
  private inline: boolean;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    @Inject(SECRET_KEY) private readonly secret: string,
    @Optional() @Inject(FOLLOWER_KEY_HASHER_OPTIONS) private readonly options: FollowerKeyHasherOptions = {},
  ) {
    this.inline = options.thread === false;
  }

  /** Whether keys are worked out on a thread of their own (false once it failed to start). */
  get threaded(): boolean {
    return !this.inline;
  }

  /** The follower keys of `externalIds` on `platform`: high and low half of each, in order. */
  keysOf(platform: Platform, externalIds: readonly string[]): Promise<Int32Array> {
    if (this.inline || externalIds.length === 0) {
      try {
        return Promise.resolve(followerKeysOf(this.secret, platform, externalIds));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const worker = this.worker ?? this.start();
    const id = this.nextId;
    this.nextId += 1;
    const answer = new Promise<Int32Array>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { platform, externalIds, resolve, reject });
      try {
        const lengths = new Int32Array(externalIds.length);
        for (let i = 0; i < externalIds.length; i += 1) lengths[i] = externalIds[i].length;
        const job: FollowerKeyJob = { id, platform, text: externalIds.join(''), lengths };
        worker.postMessage(job, [lengths.buffer]);
      } catch (error) {
        // Not sent (ids that cannot be copied to the thread): only this page fails.
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    this.unanswered.add(answer);
    const answered = (): void => {
      this.unanswered.delete(answer);
    };
    answer.then(answered, answered);
    return answer;
  }

  /**
   * Stops the thread once it has answered every page it holds (a sweep still running at shutdown goes
   * on hashing its later pages on the calling thread, until its job is closed).
   */
  async onModuleDestroy(): Promise<void> {
    this.inline = true;
    await Promise.allSettled([...this.unanswered]);
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = startWorker(this.secret, this.options.entry);
    this.worker = worker;
    this.ready = false;
    worker.unref();
    worker.on('message', (result: FollowerKeyResult) => {
      if ('ready' in result) {
        this.ready = true;
        return;
      }
      const waiting = this.waiting.get(result.id);
      if (!waiting) return;
      this.waiting.delete(result.id);
      if (this.waiting.size === 0) worker.unref();
      if ('keys' in result) waiting.resolve(result.keys);
      else waiting.reject(new Error(`follower keys: ${result.error}`));
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) =>
      this.lost(worker, new Error(`the follower-key thread exited (code ${code})`)),
    );
    return worker;
  }

  /** The thread failed or stopped: what it held fails, or, if it never started, is worked out here. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.ready) {
      this.logger.error(`the follower-key thread failed: ${error.message}; the next page starts another`);
      this.failWaiting(error);
      return;
    }
    this.inline = true;
    this.logger.warn(
      `the follower-key thread did not start (${error.message}): keys are worked out on this thread`,
    );
    // It never started: every page sent is still waiting, and is worked out here.
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { platform, externalIds, resolve, reject } of waiting) {
      this.keysOf(platform, externalIds).then(resolve, reject);
    }
  }

  private failWaiting(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/**
 * The follower-key thread, from its compiled entry beside this file, or, when the server runs from
 * its TypeScript sources (Jest), from the `.ts` entry compiled as it is required, by the SWC compiler
 * Jest itself uses (a development dependency, like the sources).
 */
function startWorker(secret: string, given?: string): Worker {
  const compiled = join(__dirname, 'follower-key.worker.js');
  const entry = given ?? (existsSync(compiled) ? compiled : join(__dirname, 'follower-key.worker.ts'));
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: { secret } });
  return new Worker(TYPESCRIPT_ENTRY, { eval: true, workerData: { secret, entry } });
}

const TYPESCRIPT_ENTRY = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const swc = Module.createRequire(workerData.entry)('@swc/core');
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;
