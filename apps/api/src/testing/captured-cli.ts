import { PassThrough } from 'node:stream';
import { Command } from 'commander';

/** What a command printed and the exit code it set (null: left as it was). */
export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/**
 * A commander program whose output streams and exit code a spec reads: hand `stdout`, `stderr` and
 * `setExitCode` to a command's injectable io, parse, then read `run()`. Commander's own errors (an
 * unknown option) go to the same stderr instead of ending the process.
 */
export function capturedCli(program = new Command()) {
  const result: CliRun = { stdout: '', stderr: '', exitCode: null };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => (result.stdout += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString('utf8')));
  // Set before a command registers, so its subcommands inherit them.
  program.exitOverride().configureOutput({ writeErr: (text) => (result.stderr += text) });
  return {
    program,
    stdout,
    stderr,
    setExitCode: (code: number) => {
      result.exitCode = code;
    },
    run: (): CliRun => ({ ...result }),
  };
}
