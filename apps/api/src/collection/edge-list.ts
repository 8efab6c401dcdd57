import { followerKey } from '../common/pseudonymise';
import type { FollowerKeySet } from './follower-key-set';

/** Int32s per edge: key high, key low, attribution id. */
const STRIDE = 3;

/**
 * Follower edges a sweep batch writes, each a follower's 64-bit key (two signed 32-bit halves) and the
 * id of their attribution, packed in one growing typed array: a batch of ten thousand is 120 KB and
 * no object per follower.
 */
export class EdgeList {
  private words: Int32Array;
  private count = 0;

  /** `expected`: how many edges it will hold, if known (it grows past that). */
  constructor(expected = 64) {
    this.words = new Int32Array(Math.max(expected, 1) * STRIDE);
  }

  get length(): number {
    return this.count;
  }

  push(high: number, low: number, attributionId: number): void {
    if ((this.count + 1) * STRIDE > this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    const at = this.count * STRIDE;
    this.words[at] = high;
    this.words[at + 1] = low;
    this.words[at + 2] = attributionId;
    this.count += 1;
  }

  high(index: number): number {
    return this.words[index * STRIDE];
  }

  low(index: number): number {
    return this.words[index * STRIDE + 1];
  }

  attributionId(index: number): number {
    return this.words[index * STRIDE + 2];
  }

  /** The edges whose follower is not in `drop`: this list itself when none is. */
  without(drop: FollowerKeySet): EdgeList {
    if (drop.size === 0) return this;
    const kept = new EdgeList();
    for (let i = 0; i < this.count; i += 1) {
      if (drop.slotOf(this.high(i), this.low(i)) < 0)
        kept.push(this.high(i), this.low(i), this.attributionId(i));
    }
    return kept.length === this.count ? this : kept;
  }

  /** Follower keys in decimal and attribution ids, as two arrays (for an `unnest` statement). */
  columns(): { keys: string[]; attributionIds: number[] } {
    const keys: string[] = [];
    const attributionIds: number[] = [];
    for (let i = 0; i < this.count; i += 1) {
      keys.push(followerKey(this.high(i), this.low(i)));
      attributionIds.push(this.attributionId(i));
    }
    return { keys, attributionIds };
  }

  /**
   * The edges as `COPY follow_edge (account_id, follower_id, first_seen, attribution_id, attributed_at)
   * FROM STDIN (FORMAT binary)` reads them: the header, one 66-byte tuple per edge (the account and
   * both times the same in every one, written once and copied), the trailer. Binary spares both this
   * thread and the server the decimal text of each 64-bit key.
   */
  binaryCopy(accountId: string, firstSeen: Date, attributedAt: Date): Buffer {
    const tuple = Buffer.alloc(TUPLE_BYTES);
    let at = tuple.writeInt16BE(5, 0);
    at = tuple.writeInt32BE(16, at);
    at += Buffer.from(accountId.replace(/-/g, ''), 'hex').copy(tuple, at);
    at = tuple.writeInt32BE(8, at);
    const keyAt = at;
    at += 8;
    at = tuple.writeInt32BE(8, at);
    at = tuple.writeBigInt64BE(postgresMicros(firstSeen), at);
    at = tuple.writeInt32BE(4, at);
    const attributionAt = at;
    at += 4;
    at = tuple.writeInt32BE(8, at);
    tuple.writeBigInt64BE(postgresMicros(attributedAt), at);

    const out = Buffer.allocUnsafe(COPY_HEADER.length + this.count * TUPLE_BYTES + 2);
    COPY_HEADER.copy(out, 0);
    let offset = COPY_HEADER.length;
    for (let i = 0; i < this.count; i += 1) {
      tuple.copy(out, offset);
      out.writeInt32BE(this.high(i), offset + keyAt);
      out.writeInt32BE(this.low(i), offset + keyAt + 4);
      out.writeInt32BE(this.attributionId(i), offset + attributionAt);
      offset += TUPLE_BYTES;
    }
    out.writeInt16BE(-1, offset);
    return out;
  }
}

/** Field count, then each field's length and bytes: uuid 16, bigint 8, timestamptz 8, integer 4, timestamptz 8. */
const TUPLE_BYTES = 2 + (4 + 16) + (4 + 8) + (4 + 8) + (4 + 4) + (4 + 8);

/** The binary COPY signature, no flags, no header extension. */
const COPY_HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.alloc(4),
  Buffer.alloc(4),
]);

/** PostgreSQL's binary timestamptz: microseconds since 2000-01-01 00:00 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

function postgresMicros(time: Date): bigint {
  return BigInt(time.getTime() - POSTGRES_EPOCH_MS) * 1000n;
}
