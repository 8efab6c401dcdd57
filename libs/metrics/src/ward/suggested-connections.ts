import type { CivicEdge } from './civic-network-nodes';

/** A civic organisation's account an admin has registered, by its account id in the network. */
export interface RegisteredCivicAccount {
  id: string;
  name: string;
  /**
   * The organisation it belongs to, when one has accounts on several platforms (registered as one
   * account each); by default its `name`, trimmed and case-folded.
   */
  organisation?: string;
}

export interface SuggestedConnection {
  account: RegisteredCivicAccount;
  /** Distinct accounts of the ward's network linked to it either way: how central it is locally. */
  wardConnections: number;
}

export interface SuggestedConnectionsParams {
  civicAccounts: readonly RegisteredCivicAccount[];
  /** Every account of every councillor of the ward. */
  councillorAccountIds: Iterable<string>;
  /** Follow and reply edges of the ward's civic network. */
  edges: Iterable<CivicEdge>;
}

/**
 * Suggested connections = registered civic accounts of organisations that none of the ward's
 * councillors' accounts is connected to in either direction (no follow or reply from the councillor to
 * any of the organisation's accounts, nor from one of them to the councillor): an organisation a
 * councillor is connected to on one platform is not suggested on another. Ranked by wardConnections,
 * most first, then by name, so the best-connected local organisation is suggested first.
 */
export function suggestedConnections({
  civicAccounts,
  councillorAccountIds,
  edges,
}: SuggestedConnectionsParams): SuggestedConnection[] {
  const councillors = new Set(councillorAccountIds);
  const civicIds = new Set(civicAccounts.map((account) => account.id));
  const organisationOf = (account: RegisteredCivicAccount): string =>
    account.organisation ?? account.name.trim().toLocaleLowerCase('en-GB');
  const connectedToCouncillor = new Set<string>();
  const neighbours = new Map<string, Set<string>>();
  const link = (from: string, to: string): void => {
    if (!civicIds.has(from) || from === to) return;
    let set = neighbours.get(from);
    if (set === undefined) {
      set = new Set();
      neighbours.set(from, set);
    }
    set.add(to);
    if (councillors.has(to)) connectedToCouncillor.add(from);
  };
  for (const edge of edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  const connectedOrganisations = new Set(
    civicAccounts.filter((account) => connectedToCouncillor.has(account.id)).map(organisationOf),
  );
  return civicAccounts
    .filter((account) => !councillors.has(account.id) && !connectedOrganisations.has(organisationOf(account)))
    .map((account) => ({ account, wardConnections: neighbours.get(account.id)?.size ?? 0 }))
    .sort(
      (a, b) =>
        b.wardConnections - a.wardConnections || a.account.name.localeCompare(b.account.name, 'en-GB'),
    );
}
