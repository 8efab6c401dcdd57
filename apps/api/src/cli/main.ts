import 'reflect-metadata';
import { Command } from 'commander';
import { launch } from '../launcher/launcher';
import { registerAdminCommands } from './admin.commands';
import { registerAttributeCommand } from './attribute.command';
import { registerCollectCommand } from './collect.command';
import { registerCollectionCommands } from './collection.commands';
import { registerGraphCommand } from './graph.command';

/** `npx wardreach …`: the one command line for users, admins and analysts. */
export function buildProgram(): Command {
  const program = new Command('wardreach')
    .description(
      'A live social-media audit for local councillors: footprint, ward reach and civic connectivity.',
    )
    .showHelpAfterError();
  program
    .command('start')
    .description(
      'run the whole system: database, Redis, API, worker and (demo) sandbox platforms; prints the address',
    )
    .action(() => launch());
  registerAdminCommands(program);
  registerCollectCommand(program);
  registerCollectionCommands(program);
  registerAttributeCommand(program);
  registerGraphCommand(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`wardreach: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
