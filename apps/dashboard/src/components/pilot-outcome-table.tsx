import type { PilotOutcomeRow } from '../series/pilot-outcome-rows';
import { TableScroll } from './table-scroll';

/**
 * Baseline, now and change per figure for the cohort and the comparison group, and the
 * difference-in-differences. Two header rows group the columns; each cell's headers are
 * explicit (`headers`), so a screen reader announces "Cohort, Baseline" rather than "Baseline".
 */
export function PilotOutcomeTable({ rows, aggregate }: { rows: PilotOutcomeRow[]; aggregate: string }) {
  return (
    <TableScroll label="Pilot outcomes table">
      <table className="data-table pilot-table">
        <caption>
          Outcomes per figure ({aggregate} of each group). Changes of shares are in percentage points (pp).
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" id="pilot-cohort" colSpan={4} className="pilot-table__group">
              Cohort
            </th>
            <th scope="colgroup" id="pilot-comparison" colSpan={4} className="pilot-table__group">
              Comparison group
            </th>
            <td />
          </tr>
          <tr>
            <th scope="col" id="pilot-figure">
              Figure
            </th>
            {(['cohort', 'comparison'] as const).map((group) => (
              <GroupHeaders key={group} group={group} />
            ))}
            <th scope="col" id="pilot-did" className="numeric">
              Difference in differences
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.figure}>
              <th scope="row" id={`pilot-${row.figure}`} headers="pilot-figure">
                {row.label}
              </th>
              {(['cohort', 'comparison'] as const).flatMap((group) =>
                CELLS.map((cell) => (
                  <td
                    key={`${group}-${cell}`}
                    className="numeric"
                    headers={`pilot-${row.figure} pilot-${group} pilot-${group}-${cell}`}
                  >
                    {row[group].display[cell]}
                  </td>
                )),
              )}
              <td className="numeric pilot-table__did" headers={`pilot-${row.figure} pilot-did`}>
                {row.didDisplay}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const CELLS = ['councillors', 'baseline', 'now', 'change'] as const;
const CELL_LABEL: Record<(typeof CELLS)[number], string> = {
  councillors: 'Councillors',
  baseline: 'Baseline',
  now: 'Now',
  change: 'Change',
};

function GroupHeaders({ group }: { group: 'cohort' | 'comparison' }) {
  return (
    <>
      {CELLS.map((cell) => (
        <th scope="col" key={cell} id={`pilot-${group}-${cell}`} className="numeric">
          {CELL_LABEL[cell]}
        </th>
      ))}
    </>
  );
}
