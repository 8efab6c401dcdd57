import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  analyseCompactGraph,
  buildCompactGraph,
  EdgeCsvError,
  formatGexf,
  parseEdgeCsv,
} from '@wardreach/metrics';
import type { GraphReport } from '@wardreach/metrics';

/** The process edges of the command, injectable so a spec can run it in-process. */
export interface GraphCommandIo {
  stdout: Writable;
  stderr: Writable;
  readTextFile: (path: string) => Promise<string>;
  writeTextFile: (path: string, text: string) => Promise<void>;
  setExitCode: (code: number) => void;
}

/** Exit code for an edge list that cannot be read or parsed (bad input, not a crash). */
export const BAD_EDGES_EXIT_CODE = 2;

const processIo: GraphCommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readTextFile: (path) => readFile(path, 'utf8'),
  writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

interface GraphOptions {
  edges: string;
  directed?: boolean;
  json?: boolean;
  gexf?: string;
}

/**
 * `wardreach metrics graph --edges FILE.csv [--directed] [--json] [--gexf OUT.gexf]`: the network
 * figures of an edge list for analysts, computed by the same code as the ward civic networks.
 */
export function registerGraphCommand(program: Command, io: GraphCommandIo = processIo): void {
  const metrics =
    program.commands.find((command) => command.name() === 'metrics') ??
    program.command('metrics').description('figures for analysts, computed as the dashboard computes them');
  metrics
    .command('graph')
    .description(
      'network figures of an edge list (CSV with header source,target): degrees, density, components, PageRank, betweenness, clustering, Louvain communities — as NetworkX defines them',
    )
    .requiredOption(
      '--edges <file>',
      'edge-list CSV, header "source,target"; ids may contain spaces, quote those with commas',
    )
    .option(
      '--directed',
      'edges point from source to target (a follower graph); components are then weakly connected',
    )
    .option('--json', 'print {"graph":{…},"nodes":[…]} as JSON')
    .option('--gexf <file>', 'also write the graph with these figures as node attributes, GEXF 1.3 for Gephi')
    .action((options: GraphOptions) => runGraph(options, io));
}

async function runGraph(options: GraphOptions, io: GraphCommandIo): Promise<void> {
  let text: string;
  try {
    text = await io.readTextFile(options.edges);
  } catch (error) {
    io.stderr.write(`Cannot read edge list ${options.edges}: ${messageOf(error)}\n`);
    io.setExitCode(BAD_EDGES_EXIT_CODE);
    return;
  }
  let graph;
  try {
    graph = buildCompactGraph(parseEdgeCsv(text), { directed: options.directed === true });
  } catch (error) {
    if (!(error instanceof EdgeCsvError)) throw error;
    io.stderr.write(`Edge list ${options.edges} is not valid: ${error.message}\n`);
    io.setExitCode(BAD_EDGES_EXIT_CODE);
    return;
  }
  const report = analyseCompactGraph(graph);
  if (options.gexf !== undefined) await io.writeTextFile(options.gexf, formatGexf(graph, report));
  await writeText(io.stdout, options.json === true ? `${JSON.stringify(report)}\n` : formatGraphText(report));
}

/** The graph figures and the ten highest-PageRank nodes, for someone reading a terminal. */
export function formatGraphText(report: GraphReport): string {
  const g = report.graph;
  const lines = [
    `nodes ${g.nodes}, edges ${g.edges}, density ${g.density.toFixed(4)}, components ${g.components}`,
    `average clustering ${g.averageClustering.toFixed(4)}, modularity ${g.modularity.toFixed(4)} over ${g.communities} communities`,
    'top nodes by PageRank (pagerank, betweenness, in/out degree, community):',
    ...[...report.nodes]
      .sort((a, b) => b.pagerank - a.pagerank)
      .slice(0, 10)
      .map(
        (node) =>
          `  ${node.id}  ${node.pagerank.toFixed(4)}  ${node.betweenness.toFixed(4)}  ${node.inDegree}/${node.outDegree}  ${node.community}`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes, waiting when the stream asks us to (a large graph's JSON piped to a slow reader). */
async function writeText(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** An error's message; `instanceof Error` is not enough, fs errors may come from another realm. */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}
