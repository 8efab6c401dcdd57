import { analyseGraph } from './graph-report';
import { edgeListFromPairs } from './edge-list';
import {
  davisSouthernWomen,
  directedRandom,
  florentineFamilies,
  karateClub,
  lesMiserables,
} from './__fixtures__/networkx-reference';

describe('analyseGraph against NetworkX on classic social networks', () => {
  it.each([
    ['karate club', karateClub],
    ['Florentine families', florentineFamilies],
    ['Davis southern women', davisSouthernWomen],
    ['Les Misérables', lesMiserables],
    ['a directed random graph with a self-loop and a dangling source', directedRandom],
  ])('%s', (_name, reference) => {
    const report = analyseGraph(reference.edges, { directed: reference.directed });
    const { graph } = report;
    expect([graph.nodes, graph.edges, graph.components]).toEqual([
      reference.nodes,
      reference.edgeCount,
      reference.components,
    ]);
    expect(graph.density).toBeCloseTo(reference.density, 14);
    expect(graph.averageClustering).toBeCloseTo(reference.averageClustering, 14);
    expect(graph.modularity).toBeGreaterThanOrEqual(0.97 * reference.bestModularity);
    expect(new Set(report.nodes.map((node) => node.community)).size).toBe(graph.communities);
    expect(report.nodes.map((node) => node.id).sort()).toEqual(Object.keys(reference.nodeFigures).sort());
    for (const node of report.nodes) {
      const expected = reference.nodeFigures[node.id];
      expect([node.inDegree, node.outDegree]).toEqual([expected.inDegree, expected.outDegree]);
      expect(node.pagerank).toBeCloseTo(expected.pagerank, 12);
      expect(node.betweenness).toBeCloseTo(expected.betweenness, 12);
      expect(node.clustering).toBeCloseTo(expected.clustering, 14);
    }
  });

  it('gives the same report from pairs and from an edge list, nodes in order of first appearance', () => {
    const pairs: [string, string][] = [
      ['Cllr Jones', 'Ward Forum'],
      ['Ward Forum', 'Library Friends'],
      ['Library Friends', 'Cllr Jones'],
    ];
    const fromPairs = analyseGraph(pairs, { directed: true });
    expect(analyseGraph(edgeListFromPairs(pairs), { directed: true })).toEqual(fromPairs);
    expect(fromPairs.nodes.map((node) => node.id)).toEqual(['Cllr Jones', 'Ward Forum', 'Library Friends']);
    expect(fromPairs.graph).toEqual({
      nodes: 3,
      edges: 3,
      density: 0.5,
      components: 1,
      averageClustering: 1,
      modularity: 0,
      communities: 1,
    });
  });
});
