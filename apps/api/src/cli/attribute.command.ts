import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { attribute, compileGazetteer, ImportFileError, parseGazetteerCsv } from '@wardreach/metrics';
import type { AttributionResult, CompiledGazetteer } from '@wardreach/metrics';

/** The process edges of the command, injectable so a spec can run it in-process. */
export interface AttributeCommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  readTextFile: (path: string) => Promise<string>;
  setExitCode: (code: number) => void;
}

/** Exit code for a gazetteer that cannot be read or parsed (bad input, not a crash). */
export const BAD_GAZETTEER_EXIT_CODE = 2;

const processIo: AttributeCommandIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  readTextFile: (path) => readFile(path, 'utf8'),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

interface AttributeOptions {
  gazetteer: string;
  json?: boolean;
}

/** Writes one line, waiting when the stream asks us to (a long stdin list piped to a slow reader). */
async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

/** `{"status":…,"ward":…,"candidates":[…],"evidence":[…]}` with the keys always in this order. */
export function formatAttributionJson(result: AttributionResult): string {
  return JSON.stringify({
    status: result.status,
    ward: result.ward,
    candidates: result.candidates,
    evidence: result.evidence.map(({ kind, value, text }) => ({ kind, value, text })),
  });
}

/** `ward E05001405 — postcode HD9 7AB ("hd97ab")`, for an admin reading the terminal. */
export function formatAttributionText(result: AttributionResult): string {
  const where =
    result.status === 'ward'
      ? `ward ${result.ward ?? ''}`
      : result.status === 'council'
        ? `council (candidates ${result.candidates.join(', ')})`
        : result.status;
  const evidence = result.evidence.map((e) => `${e.kind} ${e.value} ("${e.text}")`).join('; ');
  return evidence === '' ? where : `${where} — ${evidence}`;
}

async function loadGazetteer(path: string, io: AttributeCommandIo): Promise<CompiledGazetteer | null> {
  let text: string;
  try {
    text = await io.readTextFile(path);
  } catch (error) {
    io.stderr.write(
      `Cannot read gazetteer ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return null;
  }
  try {
    return compileGazetteer(parseGazetteerCsv(text));
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const lines = error.issues.map(
      (issue) => `  line ${issue.line ?? '?'}, field ${issue.field}: ${issue.message}`,
    );
    io.stderr.write(`Gazetteer ${path} is not valid:\n${lines.join('\n')}\n`);
    return null;
  }
}

/**
 * Registers `attribute --gazetteer FILE [--json] [TEXT...]`: attributes TEXT (its words joined by
 * spaces), or each line of standard input when TEXT is absent (exactly one output line per input
 * line, blank lines included), with a gazetteer CSV, so an admin can test a gazetteer against a list
 * of profile texts. A gazetteer that cannot be read or parsed prints every issue with its line and
 * field on stderr and sets exit code 2. The action is async: run the program with `parseAsync`.
 */
export function registerAttributeCommand(program: Command, io: Partial<AttributeCommandIo> = {}): void {
  const edges: AttributeCommandIo = { ...processIo, ...io };
  program
    .command('attribute')
    .description('Attribute profile text (TEXT, or one text per line of standard input) to a ward')
    .requiredOption('--gazetteer <file>', 'gazetteer CSV: ward_code,ward_name,kind,value')
    .option('--json', 'print one JSON object per text')
    .argument('[text...]', 'profile text (location and bio); read from standard input when absent')
    .action(async (words: string[], options: AttributeOptions) => {
      const gazetteer = await loadGazetteer(options.gazetteer, edges);
      if (gazetteer === null) {
        edges.setExitCode(BAD_GAZETTEER_EXIT_CODE);
        return;
      }
      const format = options.json === true ? formatAttributionJson : formatAttributionText;
      // Unquoted words are one text (`attribute --json Honley HD9`); no words at all means stdin.
      if (words.length > 0) {
        await writeLine(edges.stdout, format(attribute(words.join(' '), gazetteer)));
        return;
      }
      const lines = createInterface({ input: edges.stdin, crlfDelay: Infinity });
      for await (const line of lines) await writeLine(edges.stdout, format(attribute(line, gazetteer)));
    });
}
