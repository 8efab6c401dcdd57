/** What a gazetteer row names: a place, or a postcode at one of three levels. */
export const GAZETTEER_KINDS = ['place', 'postcode_district', 'postcode_sector', 'postcode'] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

/**
 * One row of a council's gazetteer: `value` stands (at least partly) in the ward. The same value
 * may stand under several wards (a town spanning wards, a district shared by wards).
 * Postcode values are normalised (`HD9`, `HD9 7`, `HD9 7AB`); place names keep their spelling
 * with whitespace collapsed.
 */
export interface GazetteerEntry {
  wardCode: string;
  wardName: string;
  kind: GazetteerKind;
  value: string;
  /** The line of the file it came from, for messages. */
  line: number;
}

export function isGazetteerKind(kind: string): kind is GazetteerKind {
  return (GAZETTEER_KINDS as readonly string[]).includes(kind);
}
