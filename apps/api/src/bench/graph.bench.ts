/**
 * Graph benchmark (issue item 9): our typed-array graph code against python3-igraph on the same
 * edge lists, side by side in one run, because the machine is shared and absolute times are noisy.
 *
 * - a 100,000-node, 1,000,000-edge directed follower-like graph: build (read CSV, graph and its
 *   undirected view), PageRank, Louvain, degrees;
 * - a 5,000-node, 50,000-edge directed graph: build, betweenness.
 *
 * Each side runs in a fresh child process so that its peak RSS is its own: ours as
 * `node --max-semi-space-size=64 graph.bench.js --child …` (reading `process.resourceUsage()`),
 * igraph as `scripts/bench/graph_igraph.py` (reading `ru_maxrss`). Target: whole suite ≤ 1.0×
 * igraph's time, peak memory ≤ 3× igraph's.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
// A relative path, not @wardreach/metrics: tsc leaves path aliases unresolved in dist.
import { betweenness, buildCompactGraph, louvainCommunities, pageRank, parseEdgeCsv } from '../../../../libs/metrics/src/graph';

const run = promisify(execFile);

type Step = 'build' | 'pagerank' | 'louvain' | 'degrees' | 'betweenness';

/** What one side measured in its child process. */
interface Measurement {
  readonly seconds: Partial<Record<Step, number>>;
  readonly modularity?: number;
  readonly maxRssKiB: number;
}

interface Workload {
  readonly name: string;
  readonly nodes: number;
  readonly edges: number;
  readonly steps: readonly Step[];
}

const WORKLOADS: readonly Workload[] = [
  { name: 'follower graph 100k/1M', nodes: 100_000, edges: 1_000_000, steps: ['build', 'pagerank', 'louvain', 'degrees'] },
  { name: 'graph 5k/50k', nodes: 5_000, edges: 50_000, steps: ['build', 'betweenness'] },
];

export async function runGraphBench(opts: { log: (line: string) => void }): Promise<void> {
  const { log } = opts;
  const python = await findIgraphPython();
  const script = findUpwards(__dirname, join('scripts', 'bench', 'graph_igraph.py'));
  const directory = mkdtempSync(join(tmpdir(), 'wardreach-graph-bench-'));
  let oursTotal = 0;
  let igraphTotal = 0;
  try {
    for (const [index, workload] of WORKLOADS.entries()) {
      const file = join(directory, `edges-${index}.csv`);
      writeFileSync(file, followerGraphCsv(workload.nodes, workload.edges, 20260101 + index));
      const steps = workload.steps.join(',');
      const ours = await measure(process.execPath, ['--max-semi-space-size=64', __filename, '--child', file, 'directed', steps]);
      const theirs = python && script ? await measure(python, [script, file, 'directed', steps]) : undefined;
      log(`graph bench: ${workload.name} (directed)`);
      log(`  ${'step'.padEnd(12)} ${'ours s'.padStart(9)} ${'igraph s'.padStart(9)} ${'ratio'.padStart(7)}`);
      for (const step of workload.steps) {
        const mine = ours.seconds[step] ?? 0;
        const other = theirs?.seconds[step];
        oursTotal += mine;
        igraphTotal += other ?? 0;
        log(`  ${step.padEnd(12)} ${mine.toFixed(3).padStart(9)} ${formatOptional(other, 3).padStart(9)} ${ratio(mine, other).padStart(7)}`);
      }
      const oursMiB = ours.maxRssKiB / 1024;
      const theirsMiB = theirs ? theirs.maxRssKiB / 1024 : undefined;
      log(`  ${'peak RSS MiB'.padEnd(12)} ${oursMiB.toFixed(0).padStart(9)} ${formatOptional(theirsMiB, 0).padStart(9)} ${ratio(oursMiB, theirsMiB).padStart(7)}`);
      if (ours.modularity !== undefined) {
        log(`  modularity   ours ${ours.modularity.toFixed(4)}, igraph ${formatOptional(theirs?.modularity, 4)}`);
      }
    }
    if (python && script) {
      log(`graph bench: whole suite ours ${oursTotal.toFixed(3)} s, igraph ${igraphTotal.toFixed(3)} s, ratio ${ratio(oursTotal, igraphTotal)} (target ≤ 1.00×)`);
    } else {
      log('graph bench: python3-igraph not found (Debian package python3-igraph); only our times are shown');
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The measured side of our code, run as `graph.bench.js --child FILE directed|undirected STEPS`. */
export function runGraphBenchChild(args: readonly string[]): void {
  const [file, kind, stepList] = args;
  const steps = stepList.split(',') as Step[];
  const seconds: Partial<Record<Step, number>> = {};
  let started = process.hrtime.bigint();
  const lap = (step: Step): void => {
    const now = process.hrtime.bigint();
    seconds[step] = Number(now - started) / 1e9;
    started = now;
  };
  const graph = buildCompactGraph(parseEdgeCsv(readFileSync(file, 'utf8')), { directed: kind === 'directed' });
  lap('build');
  let modularity: number | undefined;
  let checksum = 0;
  for (const step of steps) {
    started = process.hrtime.bigint();
    switch (step) {
      case 'build':
        continue;
      case 'pagerank':
        checksum += pageRank(graph)[0];
        break;
      case 'louvain':
        modularity = louvainCommunities(graph).modularity;
        break;
      case 'degrees':
        // Built with the graph; this is the cost of handing them out, as igraph's lists.
        checksum += graph.inDegree.slice()[0] + graph.outDegree.slice()[0];
        break;
      case 'betweenness':
        checksum += betweenness(graph)[0];
        break;
    }
    lap(step);
  }
  const measurement: Measurement & { checksum: number } = { seconds, modularity, maxRssKiB: process.resourceUsage().maxRSS, checksum };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

async function measure(command: string, args: readonly string[]): Promise<Measurement> {
  const { stdout } = await run(command, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Measurement;
}

/**
 * A seeded follower-like graph as CSV: distinct edges, no self-loops, followers picked with a
 * mild skew (u^1.5) and followed accounts with a strong one (u^3), so in-degrees are heavy-tailed
 * like a real follower graph; ids are shuffled so hubs are spread through the file.
 */
export function followerGraphCsv(nodes: number, edges: number, seed: number): string {
  const random = xoroshiro128plus(seed);
  const uniform = (): number => unsafeUniformIntDistribution(0, 0x3fffffff, random) / 0x40000000;
  const label = new Int32Array(nodes);
  for (let v = 0; v < nodes; v += 1) label[v] = v;
  for (let i = nodes - 1; i > 0; i -= 1) {
    const j = unsafeUniformIntDistribution(0, i, random);
    [label[i], label[j]] = [label[j], label[i]];
  }
  const seen = new Set<number>();
  const lines: string[] = ['source,target'];
  while (seen.size < edges) {
    const follower = label[Math.floor(nodes * uniform() ** 1.5)];
    const followed = label[Math.floor(nodes * uniform() ** 3)];
    const key = follower * nodes + followed;
    if (follower === followed || seen.has(key)) continue;
    seen.add(key);
    lines.push(`user ${follower},user ${followed}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Debian's python3 has python3-igraph; a pyenv python3 earlier on PATH may not. */
async function findIgraphPython(): Promise<string | undefined> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await run(candidate, ['-c', 'import igraph']);
      return candidate;
    } catch {
      // Try the next interpreter.
    }
  }
  return undefined;
}

function findUpwards(from: string, relative: string): string | undefined {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return undefined;
  }
}

function ratio(ours: number, theirs: number | undefined): string {
  return theirs === undefined || theirs === 0 ? 'n/a' : `${(ours / theirs).toFixed(2)}×`;
}

function formatOptional(value: number | undefined, digits: number): string {
  return value === undefined ? 'n/a' : value.toFixed(digits);
}

if (require.main === module) {
  if (process.argv[2] === '--child') {
    runGraphBenchChild(process.argv.slice(3));
  } else {
    runGraphBench({ log: (line) => console.log(line) }).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
