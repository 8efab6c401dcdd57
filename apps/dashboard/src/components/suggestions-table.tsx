import type { SuggestedConnectionView } from '@wardreach/contracts';
import { formatCount } from '../series/format';
import { PLATFORM_LABEL } from '../series/platform-label';
import { TableScroll } from './table-scroll';

/**
 * Registered civic organisations worth connecting with, most connected with other councillors first.
 * Organisations are named (an admin registered them); residents never appear here.
 */
export function SuggestionsTable({
  suggestions,
  caption,
}: {
  suggestions: readonly SuggestedConnectionView[];
  caption: string;
}) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Platform</th>
            <th scope="col">Handle</th>
            <th scope="col" className="numeric">
              Other councillors connected with it
            </th>
          </tr>
        </thead>
        <tbody>
          {suggestions.map((s) => (
            <tr key={s.account.id}>
              <th scope="row">{s.account.name}</th>
              <td>{PLATFORM_LABEL[s.account.platform]}</td>
              <td className="break-anywhere">{s.account.handle}</td>
              <td className="numeric">{formatCount(s.councillorsConnected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
