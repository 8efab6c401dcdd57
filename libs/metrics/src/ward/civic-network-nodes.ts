/**
 * Who a node of a ward's civic network is. Only councillors and civic organisations an admin has
 * registered are ever named; residents stay anonymous (PRODUCT.md, privacy).
 */
export type CivicNodeRole =
  { kind: 'councillor'; name: string } | { kind: 'civic'; name: string } | { kind: 'resident' };

/** A follow or reply edge between two accounts (platform-qualified ids, e.g. `bluesky:did:plc:…`). */
export interface CivicEdge {
  source: string;
  target: string;
}
