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
import {
  betweenness,
  buildCompactGraph,
  louvainCommunities,
  pageRank,
  parseEdgeCsv,
} from '@wardreach/metrics';

const run = promisify(execFile);

type Step = 'build' | 'pagerank' | 'louvain' | 'degrees' | 'betweenness';

/** What one side measured in its child process. */
interface Measurement {
  /** Wall-clock seconds per step. */
  readonly seconds: Partial<Record<Step, number>>;
  /** CPU seconds per step: steadier than wall time when other jobs share the cores. */
  readonly cpuSeconds: Partial<Record<Step, number>>;
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
  {
    name: 'follower graph 100k/1M',
    nodes: 100_000,
    edges: 1_000_000,
    steps: ['build', 'pagerank', 'louvain', 'degrees'],
  },
  { name: 'graph 5k/50k', nodes: 5_000, edges: 50_000, steps: ['build', 'betweenness'] },
];

export async function runGraphBench(opts: { log: (line: string) => void }): Promise<void> {
  const { log } = opts;
  const python = await findIgraphPython();
  const scriptPath = join('scripts', 'bench', 'graph_igraph.py');
  const script = findUpwards(__dirname, scriptPath) ?? findUpwards(process.cwd(), scriptPath);
  const directory = mkdtempSync(join(tmpdir(), 'wardreach-graph-bench-'));
  const totals = { ours: { wall: 0, cpu: 0 }, igraph: { wall: 0, cpu: 0 } };
  try {
    for (const [index, workload] of WORKLOADS.entries()) {
      const file = join(directory, `edges-${index}.csv`);
      writeFileSync(file, followerGraphCsv(workload.nodes, workload.edges, 20260101 + index));
      const steps = workload.steps.join(',');
      const ours = await measure(process.execPath, [
        '--max-semi-space-size=64',
        __filename,
        '--child',
        file,
        'directed',
        steps,
      ]);
      const theirs = python && script ? await measure(python, [script, file, 'directed', steps]) : undefined;
      log(`graph bench: ${workload.name} (directed)`);
      log(
        `  ${'step'.padEnd(12)} ${'ours s'.padStart(8)} ${'igraph s'.padStart(8)} ${'ratio'.padStart(7)}   ${'ours cpu'.padStart(8)} ${'igraph cpu'.padStart(10)} ${'ratio'.padStart(7)}`,
      );
      for (const step of workload.steps) {
        const wall = [ours.seconds[step] ?? 0, theirs?.seconds[step]] as const;
        const cpu = [ours.cpuSeconds[step] ?? 0, theirs?.cpuSeconds[step]] as const;
        totals.ours.wall += wall[0];
        totals.igraph.wall += wall[1] ?? 0;
        totals.ours.cpu += cpu[0];
        totals.igraph.cpu += cpu[1] ?? 0;
        log(
          `  ${step.padEnd(12)} ${wall[0].toFixed(3).padStart(8)} ${formatOptional(wall[1], 3).padStart(8)} ${ratio(...wall).padStart(7)}   ${cpu[0].toFixed(3).padStart(8)} ${formatOptional(cpu[1], 3).padStart(10)} ${ratio(...cpu).padStart(7)}`,
        );
      }
      const oursMiB = ours.maxRssKiB / 1024;
      const theirsMiB = theirs ? theirs.maxRssKiB / 1024 : undefined;
      log(
        `  ${'peak RSS MiB'.padEnd(12)} ${oursMiB.toFixed(0).padStart(8)} ${formatOptional(theirsMiB, 0).padStart(8)} ${ratio(oursMiB, theirsMiB).padStart(7)}`,
      );
      if (ours.modularity !== undefined) {
        log(
          `  modularity   ours ${ours.modularity.toFixed(4)}, igraph ${formatOptional(theirs?.modularity, 4)}`,
        );
      }
    }
    if (python && script) {
      const { ours, igraph } = totals;
      log(
        `graph bench: whole suite ours ${ours.wall.toFixed(3)} s, igraph ${igraph.wall.toFixed(3)} s, ratio ${ratio(ours.wall, igraph.wall)}; CPU ours ${ours.cpu.toFixed(3)} s, igraph ${igraph.cpu.toFixed(3)} s, ratio ${ratio(ours.cpu, igraph.cpu)} (target ≤ 1.00×)`,
      );
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
  const cpuSeconds: Partial<Record<Step, number>> = {};
  let started = process.hrtime.bigint();
  let cpuStarted = process.cpuUsage();
  const restart = (): void => {
    started = process.hrtime.bigint();
    cpuStarted = process.cpuUsage();
  };
  const lap = (step: Step): void => {
    seconds[step] = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStarted);
    cpuSeconds[step] = (cpu.user + cpu.system) / 1e6;
  };
  const graph = buildCompactGraph(parseEdgeCsv(readFileSync(file, 'utf8')), {
    directed: kind === 'directed',
  });
  lap('build');
  let modularity: number | undefined;
  let checksum = 0;
  for (const step of steps) {
    restart();
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
  const measurement: Measurement & { checksum: number } = {
    seconds,
    cpuSeconds,
    modularity,
    maxRssKiB: process.resourceUsage().maxRSS,
    checksum,
  };
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
