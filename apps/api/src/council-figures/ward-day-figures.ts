import {
  suggestedConnections,
  wardCivicNetwork,
  wardReach,
  type CivicEdge,
  type CivicNodeRole,
  type WardFollowerFact,
} from '@wardreach/metrics';
import type {
  CivicAccountRow,
  CouncillorRow,
  NetworkEdgeGroup,
  WardFollowerGroup,
  WardRow,
} from './council-facts.repository';
import type { StoredSuggestion, WardDayFigures } from './stored-figures';

/** Node ids of the civic network: councillors and organisations by their own id, residents by follower row. */
export const councillorNode = (id: string): string => `councillor:${id}`;
export const civicNode = (id: string): string => `civic:${id}`;
const followerNode = (id: string): string => `follower:${id}`;

function sourceNode(kind: NetworkEdgeGroup['sourceKind'], id: string): string {
  switch (kind) {
    case 'councillor':
      return councillorNode(id);
    case 'civic':
      return civicNode(id);
    case 'follower':
      return followerNode(id);
  }
}

/** The groups' followers one by one; each place carries only this ward's weight, all `wardReach` reads. */
function* wardFollowerFacts(
  groups: readonly WardFollowerGroup[],
  wardCode: string,
): Generator<WardFollowerFact> {
  for (const group of groups) {
    for (let i = 0; i < group.followerIds.length; i += 1) {
      yield {
        platform: group.platform,
        followerId: group.followerIds[i],
        place: { status: group.attributions[i], weights: new Map([[wardCode, group.weights[i]]]) },
      };
    }
  }
}

/**
 * One ward's stored day: `wardReach` over its councillors' ward-attributed followers, the civic
 * network (`wardCivicNetwork`: one node per councillor, whichever of their accounts an edge reaches;
 * one per registered civic organisation; one per ward-attributed follower, never named) and
 * `suggestedConnections` among the ward's civic organisations (its own and the council-wide ones): for
 * the ward's councillors together, and for each of them.
 */
export function wardDayFigures(params: {
  ward: WardRow;
  councillors: readonly CouncillorRow[];
  followers: readonly WardFollowerGroup[];
  edges: readonly NetworkEdgeGroup[];
  civicAccounts: readonly CivicAccountRow[];
  /** Each civic account's councillors anywhere in the council (`civicLinks`), by civic account id. */
  civicLinks: ReadonlyMap<string, ReadonlySet<string>>;
}): WardDayFigures {
  const { ward } = params;
  const reach = wardReach({
    wardCode: ward.code,
    followers: wardFollowerFacts(params.followers, ward.code),
    adultPopulation: ward.adults,
  });

  const roles = new Map<string, CivicNodeRole>();
  for (const councillor of params.councillors)
    roles.set(councillorNode(councillor.id), { kind: 'councillor', name: councillor.name });
  const civic = params.civicAccounts.filter(
    (account) => account.wardCode === null || account.wardCode === ward.code,
  );
  for (const account of civic) roles.set(civicNode(account.id), { kind: 'civic', name: account.name });
  const edges: CivicEdge[] = [];
  for (const group of params.edges) {
    const councillor = councillorNode(group.councillorId);
    for (const id of group.sourceIds) {
      const other = sourceNode(group.sourceKind, id);
      if (group.sourceKind === 'follower') roles.set(other, { kind: 'resident' });
      edges.push(
        group.direction === 'out'
          ? { source: councillor, target: other }
          : { source: other, target: councillor },
      );
    }
  }

  const refs = new Map(civic.map((account) => [account.id, account]));
  const suggest = (councillorIds: string[]): StoredSuggestion[] =>
    suggestedConnections({ civicAccounts: civic, councillorIds, links: params.civicLinks }).map(
      (suggestion) => {
        const account = refs.get(suggestion.account.id);
        if (account === undefined)
          throw new Error(
            `suggested connection ${suggestion.account.id} is not a civic account of ward ${ward.code}`,
          );
        return {
          account: { id: account.id, name: account.name, platform: account.platform, handle: account.handle },
          councillorsConnected: suggestion.councillorsConnected,
        };
      },
    );

  return {
    reach,
    councillors: params.councillors.length,
    network: wardCivicNetwork(edges, roles),
    suggestedConnections: suggest(params.councillors.map((councillor) => councillor.id)),
    councillorSuggestions: Object.fromEntries(
      params.councillors.map((councillor) => [councillor.id, suggest([councillor.id])]),
    ),
  };
}
