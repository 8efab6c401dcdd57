import { Injectable } from '@nestjs/common';
import { attribute, attributionWeights, compileGazetteer, evidenceKinds } from '@wardreach/metrics';
import type { CompiledGazetteer, GazetteerEntry } from '@wardreach/metrics';
import { GazetteerRepository } from './gazetteer.repository';

export interface FollowerAttribution {
  status: 'ward' | 'council' | 'elsewhere' | 'unknown';
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
}

/**
 * Places a follower from their public profile text with the council's gazetteer. Only the result
 * and the kinds of evidence leave this class; the text itself is dropped (PRODUCT.md, privacy).
 */
@Injectable()
export class FollowerAttributor {
  private compiled: CompiledGazetteer = compileGazetteer([]);
  private loadedVersion: string | null = null;

  constructor(private readonly gazetteers: GazetteerRepository) {}

  /** Reloads the gazetteer when an import changed it; called before each collection. */
  async refresh(): Promise<void> {
    const version = await this.gazetteers.version();
    if (version === this.loadedVersion) return;
    const entries: GazetteerEntry[] = await this.gazetteers.allEntries();
    this.compiled = compileGazetteer(entries);
    this.loadedVersion = version;
  }

  attribute(profileText: string): FollowerAttribution {
    const result = attribute(profileText, this.compiled);
    return {
      status: result.status,
      wardWeights: Object.fromEntries(attributionWeights(result)),
      evidenceKinds: evidenceKinds(result),
    };
  }
}
