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
  /**
   * Councillors elsewhere in the council this account is already connected with (it follows them, or
   * replied to or mentioned them): how established it is among councillors, none of them those the
   * suggestion is for.
   */
  councillorsConnected: number;
}

export interface SuggestedConnectionsParams {
  /** The civic accounts that could be suggested: the ward's own and the council-wide ones. */
  civicAccounts: readonly RegisteredCivicAccount[];
  /** The councillors the suggestions are for: a ward's, or one councillor. */
  councillorIds: Iterable<string>;
  /**
   * Each civic account's connections with councillors anywhere in the council, by account id: the
   * councillors whose accounts it follows, or whose posts it replied to or mentioned them in.
   */
  links: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Suggested connections = the registered civic accounts of organisations none of whose accounts is
 * connected with any of the given councillors: an organisation a councillor is connected with on one
 * platform is not suggested on another. Ranked by councillorsConnected (the other councillors of the
 * council it is connected with), most first, then by name: the organisation most established among
 * councillors elsewhere comes first.
 */
export function suggestedConnections({
  civicAccounts,
  councillorIds,
  links,
}: SuggestedConnectionsParams): SuggestedConnection[] {
  const councillors = new Set(councillorIds);
  const organisationOf = (account: RegisteredCivicAccount): string =>
    account.organisation ?? account.name.trim().toLocaleLowerCase('en-GB');
  const linksOf = (account: RegisteredCivicAccount): ReadonlySet<string> =>
    links.get(account.id) ?? new Set<string>();
  const connectedOrganisations = new Set(
    civicAccounts
      .filter((account) => [...linksOf(account)].some((councillor) => councillors.has(councillor)))
      .map(organisationOf),
  );
  return civicAccounts
    .filter((account) => !connectedOrganisations.has(organisationOf(account)))
    .map((account) => ({ account, councillorsConnected: linksOf(account).size }))
    .sort(
      (a, b) =>
        b.councillorsConnected - a.councillorsConnected ||
        a.account.name.localeCompare(b.account.name, 'en-GB'),
    );
}
