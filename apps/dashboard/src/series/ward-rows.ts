import type { CouncillorRef, WardSummary } from '@wardreach/contracts';
import type { ColumnKind } from './table-sort';
import { formatCount, formatPercent } from './format';

/** The sortable columns of the ward table, in display order: figures first, the councillors' names last. */
export const WARD_COLUMNS = [
  'name',
  'distinctWardFollowers',
  'adults',
  'penetration',
  'councillors',
] as const;
export type WardColumn = (typeof WARD_COLUMNS)[number];

export const WARD_COLUMN_LABEL: Record<WardColumn, string> = {
  name: 'Ward',
  councillors: 'Councillors',
  distinctWardFollowers: 'Distinct ward followers',
  adults: 'Adults (18+)',
  penetration: 'Penetration',
};

export const WARD_COLUMN_KIND: Record<WardColumn, ColumnKind> = {
  name: 'text',
  councillors: 'number',
  distinctWardFollowers: 'number',
  adults: 'number',
  penetration: 'number',
};

export interface WardRow {
  code: string;
  councillors: CouncillorRef[];
  display: Record<WardColumn, string>;
  sortValue: Record<WardColumn, string | number | null>;
}

export function toWardRow(ward: WardSummary): WardRow {
  return {
    code: ward.code,
    councillors: ward.councillors,
    display: {
      name: ward.name,
      councillors: formatCount(ward.councillors.length),
      distinctWardFollowers: formatCount(ward.distinctWardFollowers),
      adults: formatCount(ward.adults),
      // Penetrations are a few percent, so two decimals tell wards apart.
      penetration: formatPercent(ward.penetration, 2),
    },
    sortValue: {
      name: ward.name,
      councillors: ward.councillors.length,
      distinctWardFollowers: ward.distinctWardFollowers,
      adults: ward.adults,
      penetration: ward.penetration,
    },
  };
}

/** Every column but the ward's name holds figures, right-aligned so digits line up. */
export function wardAlignsRight(column: WardColumn): boolean {
  return WARD_COLUMN_KIND[column] === 'number' && column !== 'councillors';
}
