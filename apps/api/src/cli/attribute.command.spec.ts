import { PassThrough } from 'node:stream';
import { registerAttributeCommand } from './attribute.command';
import { capturedCli } from '../testing/captured-cli';

const GAZETTEER = [
  'ward_code,ward_name,kind,value',
  'E05900011,Holme Valley North,postcode_sector,HD9 7',
  'E05900011,Holme Valley North,place,Honley',
  'E05900012,Holme Valley South,postcode_sector,HD9 1',
  'E05900012,Holme Valley South,place,Holmfirth',
  'E05900014,Lindley,place,Salendine Nook',
  'E05900015,Golcar,place,Salendine Nook',
].join('\r\n');

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  files: string[];
}

/** Runs `wardreach attribute …` in-process with fake streams and files. */
async function run(args: string[], stdinText: string | null = null, gazetteer = GAZETTEER): Promise<Run> {
  const stdin = new PassThrough();
  const { program, stdout, stderr, setExitCode, run: output } = capturedCli();
  const files: string[] = [];
  registerAttributeCommand(program, {
    stdin,
    stdout,
    stderr,
    readTextFile: (path) => {
      files.push(path);
      return path === 'missing.csv'
        ? Promise.reject(new Error('ENOENT: no such file'))
        : Promise.resolve(gazetteer);
    },
    setExitCode,
  });
  if (stdinText !== null) stdin.end(stdinText);
  await program.parseAsync(['attribute', ...args], { from: 'user' });
  return { ...output(), files };
}

describe('wardreach attribute', () => {
  it('prints the attribution of TEXT as one JSON object', async () => {
    const { stdout, stderr, exitCode, files } = await run([
      '--gazetteer',
      'g.csv',
      '--json',
      'Honley, hd97ab',
    ]);
    expect(files).toEqual(['g.csv']);
    expect(stderr).toBe('');
    expect(exitCode).toBeNull();
    expect(stdout).toBe(
      '{"status":"ward","ward":"E05900011","candidates":["E05900011"],"evidence":[' +
        '{"kind":"place","value":"Honley","text":"Honley"},' +
        '{"kind":"postcode","value":"HD9 7AB","text":"hd97ab"}]}\n',
    );
  });

  it('prints exactly one JSON object per line of standard input, blank lines included', async () => {
    const input = 'Holmfirth\n\nSalendine Nook\r\nLS6 2AB\n   \nno signal here';
    const { stdout } = await run(['--gazetteer', 'g.csv', '--json'], input);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    const results = lines.map((line) => JSON.parse(line) as { status: string; candidates: string[] });
    expect(results.map((r) => r.status)).toEqual([
      'ward',
      'unknown',
      'council',
      'elsewhere',
      'unknown',
      'unknown',
    ]);
    expect(results[2].candidates).toEqual(['E05900014', 'E05900015']);
  });

  it('reads unquoted words as one text', async () => {
    const { stdout } = await run(['--gazetteer', 'g.csv', '--json', 'Salendine', 'Nook', 'HD9', '1']);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'ward', ward: 'E05900012' });
    expect(stdout.split('\n')).toHaveLength(2);
  });

  it('prints nothing for empty standard input', async () => {
    expect((await run(['--gazetteer', 'g.csv', '--json'], '')).stdout).toBe('');
  });

  it('treats an empty TEXT argument as a text with no signal', async () => {
    const { stdout } = await run(['--gazetteer', 'g.csv', '--json', '']);
    expect(JSON.parse(stdout)).toEqual({ status: 'unknown', ward: null, candidates: [], evidence: [] });
  });

  it('prints a readable line without --json', async () => {
    const { stdout } = await run(['--gazetteer', 'g.csv', 'Salendine Nook']);
    expect(stdout).toBe(
      'council (candidates E05900014, E05900015) — place Salendine Nook ("Salendine Nook")\n',
    );
  });

  it('names the line and field of a bad gazetteer on stderr and sets exit code 2', async () => {
    const bad =
      'ward_code,ward_name,kind,value\nE05900011,Honley ward,place,Honley\nE05900011,Honley ward,postcode,HD9 7\n';
    const { stdout, stderr, exitCode } = await run(['--gazetteer', 'bad.csv', '--json', 'Honley'], null, bad);
    expect(stdout).toBe('');
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Gazetteer bad.csv is not valid');
    expect(stderr).toContain('line 3, field value:');
  });

  it('reports a gazetteer that cannot be read and sets exit code 2', async () => {
    const { stderr, exitCode } = await run(['--gazetteer', 'missing.csv', '--json', 'Honley']);
    expect(exitCode).toBe(2);
    expect(stderr).toBe('Cannot read gazetteer missing.csv: ENOENT: no such file\n');
  });

  it('requires --gazetteer', async () => {
    await expect(run(['--json', 'Honley'])).rejects.toMatchObject({
      code: 'commander.missingMandatoryOptionValue',
      message: expect.stringContaining('--gazetteer') as unknown,
    });
  });
});
