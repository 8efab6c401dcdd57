import type { AttributionResult, EvidenceKind } from './attribution-result';

/**
 * The kinds of evidence behind a result, each once, in the order they first appear. This is what
 * ingestion keeps beside the result: never the profile text nor the matched value.
 */
export function evidenceKinds(result: AttributionResult): EvidenceKind[] {
  return [...new Set(result.evidence.map((evidence) => evidence.kind))];
}
