import { followerKey } from '../common/pseudonymise';

const EMPTY = 0;
const STANDING = 1;
/** An edge the account had and lost: it never matches, and is not lost again. */
const LOST = 3;
const SEEN = 4;

/** Int32s per slot: key high, key low, attribution id, state (and the seen bit). */
const STRIDE = 4;

/**
 * The followers a sweep knows for one account: each follower's 64-bit key (two 32-bit halves), the id
 * of the attribution their edge holds (`follower_attribution`), or that their edge was lost, and
 * whether this sweep has seen them. Open addressing over one typed array, a slot's four fields side
 * by side, so a million followers take 34 MB (16 bytes a slot, at most half of them full), no object
 * each, and one cache line per lookup; keys are HMAC prefixes, uniformly spread, so a multiplicative
 * hash of their bits places them evenly.
 */
export class FollowerKeySet {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * STRIDE);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a standing follower, or replaces their attribution. Returns their slot. */
  set(high: number, low: number, attributionId: number): number {
    const slot = this.place(high, low);
    const at = slot * STRIDE;
    this.slots[at + 2] = attributionId;
    this.slots[at + 3] = (this.slots[at + 3] & SEEN) | STANDING;
    return slot;
  }

  /** Adds a follower whose edge to the account was lost. */
  setLost(high: number, low: number): void {
    const at = this.place(high, low) * STRIDE;
    this.slots[at + 3] = (this.slots[at + 3] & SEEN) | LOST;
  }

  /** The follower's slot, or -1. */
  slotOf(high: number, low: number): number {
    const slot = this.find(high, low);
    return slot < 0 ? -1 : slot;
  }

  /** Whether the follower in `slot` stands with this attribution. */
  matches(slot: number, attributionId: number): boolean {
    const at = slot * STRIDE;
    return (this.slots[at + 3] & ~SEEN) === STANDING && this.slots[at + 2] === attributionId;
  }

  markSeen(slot: number): void {
    this.slots[slot * STRIDE + 3] |= SEEN;
  }

  /** Marks the follower seen if known; returns whether they were. */
  markSeenKey(high: number, low: number): boolean {
    const slot = this.find(high, low);
    if (slot < 0) return false;
    this.markSeen(slot);
    return true;
  }

  /** Whether anyone was seen (a scan: asked once, at the end of a sweep that added nobody). */
  anySeen(): boolean {
    for (let at = 3; at < this.slots.length; at += STRIDE) if (this.slots[at] & SEEN) return true;
    return false;
  }

  /** Every standing follower not seen, as decimal keys. */
  unseenKeys(): string[] {
    const keys: string[] = [];
    for (let at = 0; at < this.slots.length; at += STRIDE) {
      const state = this.slots[at + 3];
      if (state === STANDING) {
        keys.push(followerKey(this.slots[at], this.slots[at + 1]));
      }
    }
    return keys;
  }

  /** The key's slot, added (standing, until the caller sets it otherwise) if missing. */
  private place(high: number, low: number): number {
    let slot = this.find(high, low);
    if (slot < 0) {
      // Grown only to add a key, so that a known key keeps its slot (callers hold slots across `set`).
      if ((this.count + 1) * 2 > this.mask + 1) {
        this.grow();
        slot = this.find(high, low);
      }
      slot = ~slot;
      const at = slot * STRIDE;
      this.slots[at] = high;
      this.slots[at + 1] = low;
      this.slots[at + 3] = STANDING;
      this.count += 1;
    }
    return slot;
  }

  /** The slot holding the key, or the one's complement of the empty slot where it would go. */
  private find(high: number, low: number): number {
    let slot = Math.imul(low ^ high, 0x9e3779b1) & this.mask;
    for (;;) {
      const at = slot * STRIDE;
      const state = this.slots[at + 3];
      if (state === EMPTY) return ~slot;
      if (this.slots[at + 1] === low && this.slots[at] === high) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.mask = (this.mask + 1) * 2 - 1;
    this.slots = new Int32Array((this.mask + 1) * STRIDE);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 3] === EMPTY) continue;
      const to = ~this.find(old[at], old[at + 1]) * STRIDE;
      this.slots.set(old.subarray(at, at + STRIDE), to);
    }
  }
}
