import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { PlatformName } from '@wardreach/contracts';
import { ImportFileError, csvIssue, isWardCode, readCsvTable } from '@wardreach/metrics';
import type { ImportIssue } from '@wardreach/metrics';
import { isPlatform, personIdOf } from '@wardreach/collectors';
import { CollectorSetFactory } from '../collection/collector-set.factory';
import { CivicAccountsService, ErasedAccountException } from '../council-figures/civic-accounts.service';
import { normaliseHandle } from './account-handle';
import type { ImportSummary } from './council-import.service';

const COLUMNS = ['ward_code', 'name', 'platform', 'handle'] as const;

/**
 * Registers civic organisations from a CSV (`ward_code,name,platform,handle`; a blank ward code means
 * the whole council). Each handle is resolved on its platform first, so the organisation's follows
 * are recognised under its platform id; the whole file is checked before anything is registered.
 */
@Injectable()
export class CivicImportService {
  private readonly logger = new Logger(CivicImportService.name);

  constructor(
    private readonly civic: CivicAccountsService,
    private readonly collectorSets: CollectorSetFactory,
  ) {}

  async importCivic(params: { councilCode: string; csv: string }): Promise<ImportSummary> {
    const { rows, issues } = readCsvTable(params.csv, COLUMNS);
    const problems: ImportIssue[] = [...issues];
    const accounts: Array<{
      line: number;
      ward: string | null;
      name: string;
      platform: PlatformName;
      handle: string;
    }> = [];
    for (const { line, values } of rows) {
      const ward = values.ward_code.toUpperCase() || null;
      if (ward !== null && !isWardCode(ward))
        problems.push(csvIssue(line, 'ward_code', `"${values.ward_code}" is not an ONS ward code`));
      if (values.name === '') problems.push(csvIssue(line, 'name', 'is empty'));
      if (!isPlatform(values.platform)) {
        problems.push(
          csvIssue(line, 'platform', `"${values.platform}" is not a platform wardreach collects`),
        );
        continue;
      }
      const handle = normaliseHandle(values.platform, values.handle);
      if (!handle.ok) problems.push(csvIssue(line, 'handle', handle.message));
      else accounts.push({ line, ward, name: values.name, platform: values.platform, handle: handle.handle });
    }
    if (problems.length > 0) throw new ImportFileError(problems);

    const { collectors } = await this.collectorSets.create();
    let registered = 0;
    const unresolved: string[] = [];
    for (const account of accounts) {
      try {
        const profile = await collectors[account.platform].fetchProfile({ handle: account.handle });
        await this.civic.register({
          council: params.councilCode,
          ward: account.ward,
          name: account.name,
          platform: account.platform,
          handle: account.handle,
          // As followers and authors are identified (a Mastodon account by its user@domain).
          externalId: personIdOf(account.platform, profile) ?? profile.externalId,
        });
        registered += 1;
      } catch (error) {
        // Already registered: nothing to do. Erased at its owner's request: reported below.
        if (error instanceof ConflictException && !(error instanceof ErasedAccountException)) continue;
        unresolved.push(
          `line ${account.line} (${account.handle}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    for (const problem of unresolved) this.logger.warn(`civic account not registered: ${problem}`);
    return {
      kind: 'civic',
      applied: registered,
      detail:
        `${registered} civic account(s) registered` +
        (unresolved.length ? `; ${unresolved.length} could not be resolved on their platform` : ''),
    };
  }
}
