import { analyseGraph, type GraphReport } from '../graph';
import type { CivicEdge, CivicNodeRole } from './civic-network-nodes';

export interface CivicCommunity {
  /** The Louvain label from the graph report (0 the largest). */
  community: number;
  size: number;
  /** Names of the councillors and registered civic accounts in it; residents only as a count. */
  councillors: string[];
  civic: string[];
  residents: number;
}

export interface CivicBridge {
  /** Null for a resident: they are never identified. */
  id: string | null;
  /** The councillor's or organisation's name, or "A resident". */
  label: string;
  kind: CivicNodeRole['kind'];
  /** Normalised betweenness from the graph report: the share of shortest paths through this node. */
  betweenness: number;
  community: number;
}

export interface WardCivicNetwork {
  nodes: number;
  edges: number;
  /** Edges ÷ possible edges (graph report, NetworkX's definition). */
  density: number;
  components: number;
  /** Mean local clustering coefficient on the undirected view. */
  averageClustering: number;
  /** Louvain communities and the modularity of that partition. */
  communities: number;
  modularity: number;
  communityBreakdown: CivicCommunity[];
  /** The nodes with the highest betweenness (> 0), most first: who links the communities. */
  bridges: CivicBridge[];
}

export const DEFAULT_BRIDGE_COUNT = 5;

/**
 * Shapes a graph report (`analyseGraph`) of a ward's civic network for the ward page: density,
 * clustering, communities with who is in them, and the top `bridgeCount` bridges by betweenness
 * (ties broken by id so the list never flickers). Nodes missing from `roles` are treated as
 * residents, so nobody is ever named by accident.
 */
export function civicNetworkReport(
  report: GraphReport,
  roles: ReadonlyMap<string, CivicNodeRole>,
  bridgeCount = DEFAULT_BRIDGE_COUNT,
): WardCivicNetwork {
  const communities = new Map<number, CivicCommunity>();
  for (const node of report.nodes) {
    let community = communities.get(node.community);
    if (community === undefined) {
      community = { community: node.community, size: 0, councillors: [], civic: [], residents: 0 };
      communities.set(node.community, community);
    }
    community.size += 1;
    const role = roles.get(node.id) ?? { kind: 'resident' };
    switch (role.kind) {
      case 'councillor':
        community.councillors.push(role.name);
        break;
      case 'civic':
        community.civic.push(role.name);
        break;
      case 'resident':
        community.residents += 1;
        break;
    }
  }
  const bridges = report.nodes
    .filter((node) => node.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, bridgeCount)
    .map((node): CivicBridge => {
      const role = roles.get(node.id) ?? { kind: 'resident' };
      const named = role.kind === 'resident' ? null : role;
      return {
        id: named === null ? null : node.id,
        label: named === null ? 'A resident' : named.name,
        kind: role.kind,
        betweenness: node.betweenness,
        community: node.community,
      };
    });
  return {
    nodes: report.graph.nodes,
    edges: report.graph.edges,
    density: report.graph.density,
    components: report.graph.components,
    averageClustering: report.graph.averageClustering,
    communities: report.graph.communities,
    modularity: report.graph.modularity,
    communityBreakdown: [...communities.values()]
      .map((c) => ({ ...c, councillors: c.councillors.sort(), civic: c.civic.sort() }))
      .sort((a, b) => a.community - b.community),
    bridges,
  };
}

/**
 * The ward's civic network: the follow and reply edges among its councillors, ward-attributed
 * accounts and registered civic accounts (the nodes in `roles`). Edges with an end outside `roles`
 * are dropped, as are self-loops and repeats (a follow and a reply between the same two accounts is
 * one directed edge). Analysed as a directed graph, then shaped by `civicNetworkReport`. Accounts
 * with no edge inside the network do not appear in it.
 */
export function wardCivicNetwork(
  edges: Iterable<CivicEdge>,
  roles: ReadonlyMap<string, CivicNodeRole>,
  bridgeCount = DEFAULT_BRIDGE_COUNT,
): WardCivicNetwork {
  const seen = new Set<string>();
  const pairs: Array<readonly [string, string]> = [];
  for (const { source, target } of edges) {
    if (source === target || !roles.has(source) || !roles.has(target)) continue;
    const key = JSON.stringify([source, target]);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([source, target]);
  }
  return civicNetworkReport(analyseGraph(pairs, { directed: true }), roles, bridgeCount);
}
