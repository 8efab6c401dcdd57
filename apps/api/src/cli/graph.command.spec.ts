import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { BAD_EDGES_EXIT_CODE, registerGraphCommand } from './graph.command';
import { capturedCli } from '../testing/captured-cli';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'graph-command-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `wardreach metrics graph …` in-process on real files, with captured output streams. */
async function run(args: string[], command = new Command()): Promise<Run> {
  const { program, stdout, stderr, setExitCode, run: output } = capturedCli(command);
  registerGraphCommand(program, {
    stdout,
    stderr,
    readTextFile: (path) => readFile(path, 'utf8'),
    writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
    setExitCode,
  });
  await program.parseAsync(['metrics', 'graph', ...args], { from: 'user' });
  return output();
}

// A triangle of councillors with a resident hanging off one of them; CRLF, spaces and a quoted comma.
const TRIANGLE_WITH_TAIL = [
  'source,target',
  'Cllr Ann Lee,Cllr Bo Diaz',
  'Cllr Bo Diaz,"Smith, Cara"',
  '"Smith, Cara",Cllr Ann Lee',
  '"Smith, Cara",resident 7',
  '',
].join('\r\n');

describe('wardreach metrics graph', () => {
  it('prints the report as JSON with NetworkX figures (undirected)', async () => {
    const { stdout, stderr, exitCode } = await run([
      '--edges',
      file('edges.csv', TRIANGLE_WITH_TAIL),
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(exitCode).toBeNull();
    const report = JSON.parse(stdout) as {
      graph: Record<string, number>;
      nodes: Record<string, number | string>[];
    };
    expect(Object.keys(report.graph)).toEqual([
      'nodes',
      'edges',
      'density',
      'components',
      'averageClustering',
      'modularity',
      'communities',
    ]);
    expect(report.graph).toMatchObject({ nodes: 4, edges: 4, components: 1 });
    // NetworkX's best here is 0: no split of a triangle with a tail beats keeping it whole.
    expect(report.graph.modularity).toBeCloseTo(0, 15);
    expect(new Set(report.nodes.map((node) => node.community)).size).toBe(report.graph.communities);
    expect(report.graph.density).toBeCloseTo(2 / 3, 15);
    expect(report.graph.averageClustering).toBeCloseTo(0.5833333333333334, 15);
    expect(Object.keys(report.nodes[0])).toEqual([
      'id',
      'inDegree',
      'outDegree',
      'pagerank',
      'betweenness',
      'clustering',
      'community',
    ]);
    const cara = report.nodes.find((node) => node.id === 'Smith, Cara');
    // nx.pagerank / betweenness_centrality / clustering of the triangle's corner with the tail.
    expect(cara).toMatchObject({ inDegree: 3, outDegree: 3, clustering: 1 / 3 });
    expect(cara?.pagerank).toBeCloseTo(0.3667352990529791, 12);
    expect(cara?.betweenness).toBeCloseTo(2 / 3, 15);
  });

  it('follows edge direction with --directed', async () => {
    const { stdout } = await run(['--edges', file('edges.csv', TRIANGLE_WITH_TAIL), '--directed', '--json']);
    const report = JSON.parse(stdout) as {
      graph: { density: number };
      nodes: { id: string; inDegree: number; outDegree: number; betweenness: number }[];
    };
    expect(report.graph.density).toBeCloseTo(1 / 3, 15);
    expect(report.nodes.find((node) => node.id === 'resident 7')).toMatchObject({
      inDegree: 1,
      outDegree: 0,
      betweenness: 0,
    });
    expect(report.nodes.find((node) => node.id === 'Smith, Cara')?.betweenness).toBeCloseTo(0.5, 15);
  });

  it('writes a GEXF file for Gephi with --gexf', async () => {
    const out = join(directory, 'out.gexf');
    const { exitCode } = await run([
      '--edges',
      file('edges.csv', TRIANGLE_WITH_TAIL),
      '--gexf',
      out,
      '--json',
    ]);
    expect(exitCode).toBeNull();
    const gexf = readFileSync(out, 'utf8');
    expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(gexf).toContain('<node id="Smith, Cara" label="Smith, Cara">');
    expect(gexf.match(/<edge /g)).toHaveLength(4);
  });

  it('prints a short summary without --json', async () => {
    const { stdout } = await run(['--edges', file('edges.csv', TRIANGLE_WITH_TAIL)]);
    expect(stdout.split('\n')[0]).toBe('nodes 4, edges 4, density 0.6667, components 1');
    expect(stdout.split('\n')[3]).toMatch(/^ {2}Smith, Cara {2}0\.3667 {2}0\.6667 {2}3\/3 {2}\d+$/);
  });

  it('adds graph to an existing metrics command group', async () => {
    const program = new Command();
    program.command('metrics').command('other');
    await run(['--edges', file('edges.csv', TRIANGLE_WITH_TAIL), '--json'], program);
    const metrics = program.commands.filter((command) => command.name() === 'metrics');
    expect(metrics).toHaveLength(1);
    expect(metrics[0].commands.map((command) => command.name())).toEqual(['other', 'graph']);
  });

  it.each([
    ['a missing file', null, /^Cannot read edge list .*missing\.csv: ENOENT/],
    [
      'a wrong header',
      'from,to\r\na,b\r\n',
      /is not valid: line 1: expected the header "source,target", found "from,to"\n$/,
    ],
    [
      'a bad line',
      'source,target\na,b\nc\n',
      /is not valid: line 3: expected 2 fields "source,target", found 1\n$/,
    ],
  ])('rejects %s with exit code 2 and the line on stderr', async (_case, text, message) => {
    const path = text === null ? join(directory, 'missing.csv') : file('edges.csv', text);
    const { stdout, stderr, exitCode } = await run(['--edges', path, '--json']);
    expect(exitCode).toBe(BAD_EDGES_EXIT_CODE);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
});
