import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CivicImportService } from '../council/civic-import.service';
import { CouncilImportService, ImportSummary } from '../council/council-import.service';

export class DemoSourceError extends Error {}

/**
 * Seeds the demo council from the sandbox platforms' published files, through the same imports a
 * council admin uses (boundaries, gazetteer, population, roster), so the demo exercises them.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly imports: CouncilImportService,
    private readonly civic: CivicImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isSeeded(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM councillor LIMIT 1`);
    return rows.length > 0;
  }

  async seed(sandboxUrl: string): Promise<ImportSummary[]> {
    const code = this.config.COUNCIL_CODE;
    const fetchText = async (file: string): Promise<string> => {
      const url = new URL(`/_sandbox/demo/${file}`, sandboxUrl);
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      } catch (error) {
        throw new DemoSourceError(`cannot reach the sandbox at ${url.origin}: ${String(error)}`);
      }
      if (!response.ok)
        throw new DemoSourceError(`the sandbox answered ${response.status} for ${url.pathname}`);
      return response.text();
    };
    await this.imports.ensureCouncil({
      code,
      name: this.config.COUNCIL_NAME,
      webDomains: ['kirklees.gov.uk'],
    });
    const summaries = [
      await this.imports.importWards({
        councilCode: code,
        councilName: this.config.COUNCIL_NAME,
        geojson: JSON.parse(await fetchText('wards.geojson')) as unknown,
      }),
      await this.imports.importGazetteer({ councilCode: code, csv: await fetchText('gazetteer.csv') }),
      await this.imports.importPopulation({ councilCode: code, csv: await fetchText('population.csv') }),
      // X joins the demo when the sandbox's X API is configured (`wardreach start` does).
      await this.imports.importRoster({
        councilCode: code,
        csv: await fetchText(this.config.X_BEARER_TOKEN ? 'roster.csv?include=x' : 'roster.csv'),
      }),
      await this.civic.importCivic({ councilCode: code, csv: await fetchText('civic.csv') }),
    ];
    for (const summary of summaries) this.logger.log(`demo ${summary.kind}: ${summary.detail}`);
    return summaries;
  }
}
