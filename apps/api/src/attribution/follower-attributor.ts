import { Injectable } from '@nestjs/common';
import { attribute, attributionWeights, compileGazetteer, evidenceKinds } from '@wardreach/metrics';
import type { CompiledGazetteer, GazetteerEntry } from '@wardreach/metrics';
import { GazetteerRepository } from './gazetteer.repository';

const CACHE_LIMIT = 50_000;

export interface FollowerAttribution {
  status: 'ward' | 'council' | 'elsewhere' | 'unknown';
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
  /**
   * A 32-bit fingerprint of the three fields above. A follower sweep keeps, per edge, the fingerprint
   * the account's last sweep stored, and sends the database only the followers whose fingerprint
   * moved; `attributionFingerprint` says how it is computed.
   */
  fingerprint: number;
}

/**
 * FNV-1a (32 bits, signed) of the attribution in a canonical form: status, ward weights sorted by
 * ward code, evidence kinds sorted. Equal attributions always give equal fingerprints; two different
 * ones give the same with a chance of one in 2^32, in which case a changed attribution waits for the
 * next change to be stored.
 */
export function attributionFingerprint(attribution: Omit<FollowerAttribution, 'fingerprint'>): number {
  const weights = Object.keys(attribution.wardWeights)
    .sort()
    .map((code) => `${code}=${attribution.wardWeights[code]}`)
    .join(',');
  const text = `${attribution.status}|${weights}|${[...attribution.evidenceKinds].sort().join(',')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Places a follower from their public profile text with the council's gazetteer. Only the result
 * and the kinds of evidence leave this class; the text itself is dropped (PRODUCT.md, privacy).
 */
@Injectable()
export class FollowerAttributor {
  private compiled: CompiledGazetteer = compileGazetteer([]);
  private loadedVersion: string | null = null;
  /** Profile texts repeat (blank bios, a bare town name): each distinct text is attributed once per gazetteer (in memory only, never stored). */
  private readonly cache = new Map<string, FollowerAttribution>();

  constructor(private readonly gazetteers: GazetteerRepository) {}

  /** Reloads the gazetteer when an import changed it; called before each collection. */
  async refresh(): Promise<void> {
    const version = await this.gazetteers.version();
    if (version === this.loadedVersion) return;
    const entries: GazetteerEntry[] = await this.gazetteers.allEntries();
    this.compiled = compileGazetteer(entries);
    this.loadedVersion = version;
    this.cache.clear();
  }

  attribute(profileText: string): FollowerAttribution {
    const cached = this.cache.get(profileText);
    if (cached) return cached;
    const result = attribute(profileText, this.compiled);
    const fields = {
      status: result.status,
      wardWeights: Object.fromEntries(attributionWeights(result)),
      evidenceKinds: evidenceKinds(result),
    };
    const attribution: FollowerAttribution = { ...fields, fingerprint: attributionFingerprint(fields) };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(profileText, attribution);
    return attribution;
  }
}
