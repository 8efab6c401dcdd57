import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { COUNCIL_CODE_HINT, ImportFileError, isCouncilCode } from '@wardreach/metrics';
import { loadAppConfig } from '../config/app-config';
import { CivicImportService } from '../council/civic-import.service';
import { CouncilImportService, ImportSummary } from '../council/council-import.service';
import { CredentialsService } from '../credentials/credentials.service';
import { resolveDatabase } from '../database/resolve-database';
import { PrivacyService } from '../privacy/privacy.service';
import { runMigrations } from '../database/run-migrations';
import { DemoSeedService } from '../demo/demo-seed.service';
import { withCliContext } from './cli-context';

/** Prints an error the admin can act on, and sets a failing exit code. */
export function reportFailure(error: unknown, prefix = 'wardreach'): void {
  const message =
    error instanceof ImportFileError
      ? `${error.message}\nNothing was changed.`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${prefix}: ${message}\n`);
  process.exitCode = 2;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function printSummary(summary: ImportSummary): void {
  process.stdout.write(`imported ${summary.kind}: ${summary.detail}\n`);
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (DATABASE_URL, or the embedded database)')
    .action(async () => {
      try {
        const config = loadAppConfig();
        const database = await resolveDatabase(config);
        try {
          const applied = await runMigrations(database.url);
          process.stdout.write(
            applied.length ? `applied ${applied.join(', ')}\n` : 'the database is up to date\n',
          );
        } finally {
          await database.release();
        }
      } catch (error) {
        reportFailure(error);
      }
    });

  program
    .command('seed-demo')
    .description(
      'load the demo council (boundaries, gazetteer, population, roster) from the sandbox platforms',
    )
    .option('--sandbox-url <url>', 'where the sandbox runs', 'http://127.0.0.1:8090')
    .option('--force', 'seed even if councillors exist (adds, never deletes)')
    .action(async (options: { sandboxUrl: string; force?: boolean }) => {
      try {
        await withCliContext(async (context) => {
          const seeder = context.get(DemoSeedService);
          if (!options.force && (await seeder.isSeeded())) {
            process.stdout.write('the demo council is already seeded (use --force to add again)\n');
            return;
          }
          (await seeder.seed(options.sandboxUrl)).forEach(printSummary);
        });
      } catch (error) {
        reportFailure(error);
      }
    });

  const credentials = program
    .command('credentials')
    .description('platform credentials the council supplies (stored encrypted with WARDREACH_SECRET_KEY)');
  credentials
    .command('set <platform> <name>')
    .description(
      'store a credential read from standard input, one line (x bearer_token, facebook access_token, youtube api_key, bluesky service_handle / service_app_password); a value with spaces or line breaks inside it is refused',
    )
    .action(async (platform: string, name: string) => {
      try {
        // Read from standard input, so the secret never lands in shell history or the process list.
        const value = await readStdin();
        await withCliContext(async (context) => {
          const { resumed } = await context.get(CredentialsService).set(platform, name, value);
          process.stdout.write(`stored ${platform} ${name} (encrypted)\n`);
          if (resumed > 0)
            process.stdout.write(`${resumed} ${platform} account(s) flagged unauthorised are due again\n`);
        });
      } catch (error) {
        reportFailure(error, 'wardreach credentials set');
      }
    });
  credentials
    .command('list')
    .description('which credentials are stored, and when (never their values)')
    .action(async () => {
      try {
        await withCliContext(async (context) => {
          const stored = await context.get(CredentialsService).list();
          if (stored.length === 0) process.stdout.write('no credentials are stored\n');
          for (const item of stored)
            process.stdout.write(`${item.platform} ${item.name} (set ${item.updatedAt})\n`);
        });
      } catch (error) {
        reportFailure(error, 'wardreach credentials list');
      }
    });
  credentials
    .command('remove <platform> <name>')
    .description('delete a stored credential')
    .action(async (platform: string, name: string) => {
      try {
        await withCliContext(async (context) => {
          await context.get(CredentialsService).remove(platform, name);
          process.stdout.write(`removed ${platform} ${name}\n`);
        });
      } catch (error) {
        reportFailure(error, 'wardreach credentials remove');
      }
    });

  const privacy = program
    .command('privacy')
    .description("a resident's requests: what is held about their account, and erasure");
  for (const [verb, description] of [
    ['export', 'print everything held about one platform account as JSON'],
    ['erase', 'erase everything held about one platform account, and never store it again'],
  ] as const) {
    privacy
      .command(verb)
      .description(description)
      .requiredOption('--platform <platform>', 'bluesky, mastodon, x, …')
      .option('--handle <handle>', "the account's handle (resolved on its platform)")
      .option('--external-id <id>', "the account's platform id, when known")
      .action(async (options: { platform: string; handle?: string; externalId?: string }) => {
        try {
          await withCliContext(async (context) => {
            const service = context.get(PrivacyService);
            const result = verb === 'export' ? await service.export(options) : await service.erase(options);
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          });
        } catch (error) {
          reportFailure(error, `wardreach privacy ${verb}`);
        }
      });
  }

  const importCommand = program.command('import').description("import a council's ward geography or roster");
  const councilOption = '--council <code>';
  const addImport = (
    name: string,
    description: string,
    run: (
      service: CouncilImportService,
      text: string,
      /** `name`: as given with --council-name, else null; `defaultName`: COUNCIL_NAME for COUNCIL_CODE. */
      council: { code: string; name: string | null; defaultName?: string },
    ) => Promise<ImportSummary>,
  ) =>
    importCommand
      .command(`${name} <file>`)
      .description(description)
      .option(councilOption, 'ONS local-authority code (default COUNCIL_CODE)')
      .option(
        '--council-name <name>',
        'names (or renames) the council; without it a new council takes the name its ward file gives, else COUNCIL_NAME, and an existing one keeps its own',
      )
      .action(async (file: string, options: { council?: string; councilName?: string }) => {
        try {
          const text = readInput(file);
          await withCliContext(async (context, config) => {
            const code = options.council ?? config.COUNCIL_CODE;
            // A council is renamed only by a name given here, never to the configured default.
            const council = {
              code,
              name: options.councilName ?? null,
              defaultName: code === config.COUNCIL_CODE ? config.COUNCIL_NAME : undefined,
            };
            if (!isCouncilCode(council.code)) {
              throw new Error(`--council ${council.code} is not ${COUNCIL_CODE_HINT}`);
            }
            if (council.name !== null && council.name.trim() === '')
              throw new Error('--council-name must not be empty');
            printSummary(await run(context.get(CouncilImportService), text, council));
          });
        } catch (error) {
          reportFailure(error, `wardreach import ${name}`);
        }
      });

  addImport('wards', 'ONS ward boundaries (GeoJSON; WDyyCD/WDyyNM detected)', (service, text, council) => {
    let geojson: unknown;
    try {
      geojson = JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`the file is not JSON: ${(error as Error).message}`);
    }
    return service.importWards({
      councilCode: council.code,
      councilName: council.name,
      defaultName: council.defaultName,
      geojson,
    });
  });
  addImport(
    'gazetteer',
    'place names and postcode units per ward (CSV: ward_code,ward_name,kind,value)',
    (service, text, council) => service.importGazetteer({ councilCode: council.code, csv: text }),
  );
  importCommand
    .command('civic <file>')
    .description(
      'registered civic organisations (CSV: ward_code,name,platform,handle); handles are resolved on their platform',
    )
    .option(councilOption, 'ONS local-authority code (default COUNCIL_CODE)')
    .action(async (file: string, options: { council?: string }) => {
      try {
        const text = readInput(file);
        await withCliContext(async (context, config) => {
          printSummary(
            await context
              .get(CivicImportService)
              .importCivic({ councilCode: options.council ?? config.COUNCIL_CODE, csv: text }),
          );
        });
      } catch (error) {
        reportFailure(error, 'wardreach import civic');
      }
    });
  addImport('population', 'adult population per ward (CSV: ward_code,adults)', (service, text, council) =>
    service.importPopulation({ councilCode: council.code, csv: text }),
  );
  addImport(
    'roster',
    'councillors and their accounts (CSV: name,party,ward_code,bluesky,mastodon,rss,x,facebook,youtube,cohort)',
    (service, text, council) => service.importRoster({ councilCode: council.code, csv: text }),
  );
}
