import { XMLParser } from 'fast-xml-parser';
import { formatGexf } from './gexf';
import { analyseCompactGraph } from './graph-report';
import { graphOf } from './__fixtures__/graph-of';

interface ParsedGexf {
  gexf: {
    '@_version': string;
    graph: {
      '@_defaultedgetype': string;
      attributes: { attribute: { '@_id': string; '@_title': string; '@_type': string }[] };
      nodes: {
        node: {
          '@_id': string;
          '@_label': string;
          attvalues: { attvalue: { '@_for': string; '@_value': string }[] };
        }[];
      };
      edges: {
        edge: { '@_source': string; '@_target': string }[] | { '@_source': string; '@_target': string };
      };
    };
  };
}

function parse(xml: string): ParsedGexf {
  return new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['node', 'edge', 'attribute', 'attvalue'].includes(name),
  }).parse(xml) as ParsedGexf;
}

describe('formatGexf', () => {
  const edges: [string, string][] = [
    ['Smith & Sons', 'Ward <3> "Forum"'],
    ['Ward <3> "Forum"', 'Smith & Sons'],
    ['Ward <3> "Forum"', 'Library'],
  ];

  it('writes a GEXF 1.3 document whose nodes, escaped ids intact, carry every figure of the report', () => {
    const graph = graphOf(edges, true);
    const report = analyseCompactGraph(graph);
    const { gexf } = parse(formatGexf(graph, report));
    expect(gexf['@_version']).toBe('1.3');
    expect(gexf.graph['@_defaultedgetype']).toBe('directed');
    const titles = gexf.graph.attributes.attribute.map((attribute) => attribute['@_title']);
    expect(titles).toEqual(['inDegree', 'outDegree', 'pagerank', 'betweenness', 'clustering', 'community']);
    expect(gexf.graph.nodes.node.map((node) => node['@_id'])).toEqual([
      'Smith & Sons',
      'Ward <3> "Forum"',
      'Library',
    ]);
    const ward = gexf.graph.nodes.node[1].attvalues.attvalue.map((value) => Number(value['@_value']));
    const figures = report.nodes[1];
    expect(ward).toEqual([
      figures.inDegree,
      figures.outDegree,
      figures.pagerank,
      figures.betweenness,
      figures.clustering,
      figures.community,
    ]);
    expect(gexf.graph.edges.edge).toHaveLength(3);
  });

  it('writes each undirected edge once', () => {
    const graph = graphOf(edges, false);
    const { gexf } = parse(formatGexf(graph, analyseCompactGraph(graph)));
    expect(gexf.graph['@_defaultedgetype']).toBe('undirected');
    expect(gexf.graph.edges.edge).toHaveLength(2);
  });

  it('escapes ids so the document stays well-formed', () => {
    const graph = graphOf([['a\u0001b', "O'Neil"]], true);
    const xml = formatGexf(graph, analyseCompactGraph(graph));
    expect(xml).toContain('id="ab"');
    expect(xml).toContain('id="O&apos;Neil"');
  });
});
