import { betweenness } from './betweenness';
import { averageClustering, clustering } from './clustering';
import type { CompactGraph } from './compact-graph';
import { buildCompactGraph } from './compact-graph';
import { countComponents } from './components';
import { density } from './density';
import type { EdgeList } from './edge-list';
import { edgeListFromPairs } from './edge-list';
import type { LouvainOptions } from './louvain';
import { louvainCommunities } from './louvain';
import { pageRank } from './pagerank';

/** Figures of the whole network (see each function for its formula). */
export interface GraphFigures {
  readonly nodes: number;
  readonly edges: number;
  readonly density: number;
  readonly components: number;
  readonly averageClustering: number;
  readonly modularity: number;
  readonly communities: number;
}

/**
 * Figures of one node. `inDegree` / `outDegree` count distinct followers / followed; in an
 * undirected graph both are the degree (a self-loop counts 2). `community` labels its Louvain
 * community, 0 for the largest.
 */
export interface NodeFigures {
  readonly id: string;
  readonly inDegree: number;
  readonly outDegree: number;
  readonly pagerank: number;
  readonly betweenness: number;
  readonly clustering: number;
  readonly community: number;
}

/** What `metrics graph --json` prints and the ward civic network is computed from. */
export interface GraphReport {
  readonly graph: GraphFigures;
  /** In order of first appearance in the edge list. */
  readonly nodes: readonly NodeFigures[];
}

export interface AnalyseGraphOptions {
  readonly directed: boolean;
  readonly louvain?: LouvainOptions;
}

/**
 * Every figure of a network from its edge list, with NetworkX's definitions: degrees, density,
 * (weakly) connected components, PageRank, normalised betweenness, clustering and Louvain
 * communities on the undirected view. Builds the graph once; use {@link analyseCompactGraph}
 * when the {@link CompactGraph} is needed too (for a GEXF export).
 */
export function analyseGraph(
  edges: EdgeList | Iterable<readonly [string, string]>,
  options: AnalyseGraphOptions,
): GraphReport {
  const edgeList = isEdgeList(edges) ? edges : edgeListFromPairs(edges);
  return analyseCompactGraph(buildCompactGraph(edgeList, { directed: options.directed }), options.louvain);
}

/** {@link analyseGraph} for an already built graph. */
export function analyseCompactGraph(graph: CompactGraph, louvain?: LouvainOptions): GraphReport {
  const ranks = pageRank(graph);
  const between = betweenness(graph);
  const coefficients = clustering(graph);
  const communities = louvainCommunities(graph, louvain);
  const nodes: NodeFigures[] = new Array<NodeFigures>(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v += 1) {
    nodes[v] = {
      id: graph.ids[v],
      inDegree: graph.inDegree[v],
      outDegree: graph.outDegree[v],
      pagerank: ranks[v],
      betweenness: between[v],
      clustering: coefficients[v],
      community: communities.community[v],
    };
  }
  return {
    graph: {
      nodes: graph.nodeCount,
      edges: graph.edgeCount,
      density: density(graph),
      components: countComponents(graph),
      averageClustering: averageClustering(coefficients),
      modularity: communities.modularity,
      communities: communities.count,
    },
    nodes,
  };
}

function isEdgeList(edges: EdgeList | Iterable<readonly [string, string]>): edges is EdgeList {
  return 'sources' in edges && edges.sources instanceof Int32Array;
}
