/**
 * Where a follower's public profile places them, relative to one council:
 * - `ward`: exactly one candidate ward;
 * - `council`: inside the council, ward not determined (the candidates);
 * - `elsewhere`: outside the council (no candidates);
 * - `unknown`: no signal at all (no candidates); never counted as "not local".
 */
export type AttributionStatus = 'ward' | 'council' | 'elsewhere' | 'unknown';

/** The form the evidence took in the text: a place name, or a postcode at one of three levels. */
export type EvidenceKind = 'place' | 'postcode' | 'postcode_sector' | 'postcode_district';

export interface AttributionEvidence {
  kind: EvidenceKind;
  /** Normalised: `HD9 7AB`, `HD9 7`, `HD9`, or the place name as the gazetteer spells it. */
  value: string;
  /** The text as the profile wrote it (`hd97ab`, `#Lockwood`); never stored after attribution. */
  text: string;
}

export interface AttributionResult {
  status: AttributionStatus;
  /** The ward code when `status` is `ward`, else null. */
  ward: string | null;
  /** Ward codes, sorted; one for `ward`, one or more for `council`, none otherwise. */
  candidates: string[];
  /** What decided the result, in the order it appears in the text. */
  evidence: AttributionEvidence[];
}
