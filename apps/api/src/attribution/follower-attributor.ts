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
   * The three fields above in one canonical text (`attributionKey`): equal attributions, equal keys.
   * Each distinct one is stored once (`follower_attribution`), and a follower's edge points at it.
   */
  key: string;
}

/**
 * An attribution's canonical text: status, ward weights sorted by ward code, evidence kinds sorted
 * (`ward|E05000001=0.5,E05000002=0.5|place`). Migration 20 spells the same in SQL.
 */
export function attributionKey(attribution: Omit<FollowerAttribution, 'key'>): string {
  const weights = Object.keys(attribution.wardWeights)
    .sort()
    .map((code) => `${code}=${attribution.wardWeights[code]}`)
    .join(',');
  return `${attribution.status}|${weights}|${[...attribution.evidenceKinds].sort().join(',')}`;
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
    const attribution: FollowerAttribution = { ...fields, key: attributionKey(fields) };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(profileText, attribution);
    return attribution;
  }
}
