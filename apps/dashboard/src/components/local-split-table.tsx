import type { HeadlineFigures } from '@wardreach/contracts';
import { localSplit } from '../series/headline-tiles';
import { TableScroll } from './table-scroll';

/** Where a councillor's followers are placed: counts only, never who they are. */
export function LocalSplitTable({ figures }: { figures: HeadlineFigures }) {
  return (
    <TableScroll label="Where followers are">
      <table className="data-table data-table--compact">
        <caption>Where followers are (ward attribution from public profile signals)</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col" className="numeric">
              Followers
            </th>
            <th scope="col" className="numeric">
              Share of followers
            </th>
          </tr>
        </thead>
        <tbody>
          {localSplit(figures).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{row.count}</td>
              <td className="numeric">{row.share}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
