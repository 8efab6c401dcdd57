import type { FigureRow } from '../series/ward-detail-rows';
import { TableScroll } from './table-scroll';

/** A short table of named figures, each with its value and what it means. */
export function FigureTable({ caption, rows }: { caption: string; rows: FigureRow[] }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table data-table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{row.value}</td>
              <td>{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
