import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Frontend messages that end a protocol cycle: Sync, simple Query, Terminate. */
const CYCLE_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'X'.charCodeAt(0)]);

/**
 * Feeds PGlite the wire-protocol messages of several client connections, one connection at a time
 * for a whole cycle. pglite-socket's own queue interleaves message by message outside transactions,
 * so one connection's Bind can land on another's unnamed Parse ("bind message supplies 1 parameters,
 * but prepared statement requires 2") as soon as two processes query at once. Here a connection
 * keeps PGlite from its first message to its Sync (and for the whole of a transaction).
 * It has the shape pglite-socket's handlers call (`enqueue`, `clearQueueForHandler`,
 * `clearTransactionIfNeeded`, `getQueueLength`).
 */
export class PgliteSessionQueue {
  private queue: Pending[] = [];
  private processing = false;
  /** The connection that holds PGlite mid-cycle or mid-transaction, if any. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private next(): Pending | undefined {
    if (this.owner === null) return this.queue.shift();
    const at = this.queue.findIndex((pending) => pending.handlerId === this.owner);
    return at === -1 ? undefined : this.queue.splice(at, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        const cycleEnded = CYCLE_END.has(item.message[0]);
        this.owner = cycleEnded && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((pending) => {
      if (pending.handlerId !== handlerId) return true;
      pending.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection that went away mid-transaction or mid-cycle must not keep PGlite. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }
}
