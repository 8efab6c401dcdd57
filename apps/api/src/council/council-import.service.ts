import { Injectable } from '@nestjs/common';
import {
  ImportFileError,
  csvIssue,
  dayOf,
  parseGazetteerCsv,
  parsePopulationCsv,
  parseWardBoundaries,
} from '@wardreach/metrics';
import { GazetteerRepository } from '../attribution/gazetteer.repository';
import { Clock } from '../common/clock';
import { CouncilImportRepository } from './council-import.repository';
import { handleKey } from './account-handle';
import { parseRosterCsv } from './roster-csv';
import type { RosterRow } from './roster-csv';

export interface ImportSummary {
  kind: 'wards' | 'gazetteer' | 'population' | 'roster' | 'civic';
  applied: number;
  detail: string;
}

/**
 * Imports a council's geography and roster as an admin would. Every file is parsed and checked
 * completely before anything is written, and each import is one transaction: it fully applies or
 * changes nothing.
 */
@Injectable()
export class CouncilImportService {
  constructor(
    private readonly repository: CouncilImportRepository,
    private readonly gazetteers: GazetteerRepository,
    private readonly clock: Clock,
  ) {}

  ensureCouncil(params: {
    code: string;
    name: string;
    webDomains?: string[];
    rename?: boolean;
  }): Promise<string> {
    return this.repository.ensureCouncil({ ...params, webDomains: params.webDomains ?? [] });
  }

  /**
   * Adds or updates the council's wards. `councilName` (given by the admin) names the council, a new
   * one or renamed; without it a new council takes the name the file gives it (ONS `LADyyNM`), else
   * `defaultName`, and an existing council keeps its own.
   */
  async importWards(params: {
    councilCode: string;
    councilName: string | null;
    defaultName?: string;
    geojson: unknown;
  }): Promise<ImportSummary> {
    const file = parseWardBoundaries(params.geojson);
    const foreign = file.wards.filter(
      (ward) => ward.councilCode !== null && ward.councilCode !== params.councilCode,
    );
    const wards = file.wards.filter(
      (ward) => ward.councilCode === null || ward.councilCode === params.councilCode,
    );
    if (wards.length === 0) {
      throw new ImportFileError([
        {
          line: null,
          feature: 1,
          field: file.councilCodeProperty ?? 'properties',
          message: `no ward in the file belongs to council ${params.councilCode}`,
        },
      ]);
    }
    // A ward stored under another council keeps it: importing it again under this one (a file without
    // its council's column, and the wrong --council) would move it, its councillors and figures away.
    const elsewhere = await this.repository.wardsOfOtherCouncils(
      params.councilCode,
      wards.map((ward) => ward.code),
    );
    if (elsewhere.length > 0) {
      throw new ImportFileError(
        elsewhere.map((ward) => ({
          line: null,
          feature: file.wards.findIndex((w) => w.code === ward.code) + 1,
          field: file.codeProperty,
          message: `ward ${ward.code} belongs to council ${ward.councilCode}, not ${params.councilCode}: check the council code`,
        })),
      );
    }
    const councilId = await this.ensureCouncil({
      code: params.councilCode,
      name:
        params.councilName ??
        wards.find((ward) => ward.councilName !== null)?.councilName ??
        params.defaultName ??
        params.councilCode,
      rename: params.councilName !== null,
    });
    const applied = await this.repository.transaction((manager) =>
      this.repository.upsertWards(councilId, wards, manager),
    );
    return {
      kind: 'wards',
      applied,
      detail:
        `${applied} ward(s) from ${file.codeProperty}/${file.nameProperty}` +
        (foreign.length ? `; ${foreign.length} ward(s) of other councils skipped` : ''),
    };
  }

  async importGazetteer(params: { councilCode: string; csv: string }): Promise<ImportSummary> {
    const entries = parseGazetteerCsv(params.csv);
    const councilId = await this.requireCouncil(params.councilCode);
    await this.rejectUnknownWards(
      councilId,
      params.councilCode,
      entries,
      '; import the ward boundaries first',
    );
    const applied = await this.gazetteers.replaceForCouncil(councilId, entries);
    return { kind: 'gazetteer', applied, detail: `${applied} gazetteer entr${applied === 1 ? 'y' : 'ies'}` };
  }

  async importPopulation(params: { councilCode: string; csv: string }): Promise<ImportSummary> {
    const rows = parsePopulationCsv(params.csv);
    const councilId = await this.requireCouncil(params.councilCode);
    await this.rejectUnknownWards(councilId, params.councilCode, rows);
    const applied = await this.repository.transaction((manager) =>
      this.repository.setPopulation(rows, manager),
    );
    return { kind: 'population', applied, detail: `adult population of ${applied} ward(s)` };
  }

  async importRoster(params: { councilCode: string; csv: string }): Promise<ImportSummary> {
    const rows = parseRosterCsv(params.csv);
    const councilId = await this.requireCouncil(params.councilCode);
    await this.rejectUnknownWards(councilId, params.councilCode, rows);
    await this.rejectAccountsOfOthers(rows);
    const today = dayOf(this.clock.now());
    const result = await this.repository.transaction((manager) =>
      this.repository.upsertRoster(councilId, rows, today, manager),
    );
    return {
      kind: 'roster',
      applied: result.councillors,
      detail: `${result.councillors} councillor(s), ${result.accounts} new account(s)`,
    };
  }

  /**
   * An account already stored under another councillor stays theirs: one error lists each line that
   * gives it to someone else (a roster may repeat a councillor's own accounts, which are kept).
   */
  private async rejectAccountsOfOthers(rows: RosterRow[]): Promise<void> {
    const owners = await this.repository.accountOwners(rows.flatMap((row) => row.accounts));
    const ownerOf = new Map(owners.map((owner) => [`${owner.platform} ${owner.key}`, owner]));
    const issues = rows.flatMap((row) =>
      row.accounts.flatMap((account) => {
        const owner = ownerOf.get(`${account.platform} ${handleKey(account.platform, account.handle)}`);
        if (owner === undefined || (owner.wardCode === row.wardCode && owner.name === row.name)) return [];
        return [
          csvIssue(
            row.line,
            account.platform,
            `${account.handle} is already the account of ${owner.name} (${owner.wardCode})`,
          ),
        ];
      }),
    );
    if (issues.length > 0) throw new ImportFileError(issues);
  }

  /** Every row must name a ward of the council; otherwise one error lists each line that does not. */
  private async rejectUnknownWards(
    councilId: string,
    councilCode: string,
    rows: ReadonlyArray<{ wardCode: string; line: number }>,
    hint = '',
  ): Promise<void> {
    const unknown = new Set(
      await this.repository.unknownWards(
        councilId,
        rows.map((row) => row.wardCode),
      ),
    );
    if (unknown.size === 0) return;
    throw new ImportFileError(
      rows
        .filter((row) => unknown.has(row.wardCode))
        .map((row) =>
          csvIssue(row.line, 'ward_code', `${row.wardCode} is not a ward of ${councilCode}${hint}`),
        ),
    );
  }

  private async requireCouncil(code: string): Promise<string> {
    const id = await this.repository.councilId(code);
    if (!id)
      throw new ImportFileError([
        {
          line: null,
          feature: null,
          field: 'council',
          message: `council ${code} has no wards yet; import the ward boundaries first`,
        },
      ]);
    return id;
  }
}
