import type { WaitingInteractions } from '@wardreach/contracts';
import { formatCount, formatDateTime } from '../series/format';
import { PLATFORM_LABEL } from '../series/platform-label';
import { TableScroll } from './table-scroll';

const KIND_LABEL = { reply: 'Reply', mention: 'Mention' } as const;

/**
 * The replies and mentions from others waiting for the councillor's answer, oldest first. Their
 * authors are residents and are not named: each row links to the public post on its platform.
 */
export function WaitingTable({ waiting, collected }: { waiting: WaitingInteractions; collected: boolean }) {
  const { items, total, overdue } = waiting;
  if (!collected) {
    return (
      <p className="empty-note">
        None of the accounts has been collected yet, so nothing is known to be waiting.
      </p>
    );
  }
  if (total === 0) {
    return (
      <p className="empty-note">
        Nothing is waiting: every reply and mention of the last 30 days has an answer.
      </p>
    );
  }
  return (
    <>
      <p>
        {formatCount(total)} waiting, {formatCount(overdue)} of them for more than 48 hours (those count as
        unanswered in the responsiveness figures).
      </p>
      <TableScroll label="Waiting for a reply table">
        <table className="data-table">
          <caption>
            Replies and mentions waiting for a reply, oldest first
            {items.length < total
              ? ` (the oldest ${formatCount(items.length)} of ${formatCount(total)})`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Kind</th>
              <th scope="col">Your account</th>
              <th scope="col">Waiting</th>
              <th scope="col">Post</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const platform = PLATFORM_LABEL[item.account.platform];
              const received = formatDateTime(item.receivedAt);
              return (
                <tr key={item.id}>
                  <th scope="row">{received}</th>
                  <td>{KIND_LABEL[item.kind]}</td>
                  <td>
                    {platform} <span className="break-anywhere">{item.account.handle}</span>
                  </td>
                  <td>
                    {item.overdue ? (
                      <span className="tag tag--overdue">Over 48 hours</span>
                    ) : (
                      'Under 48 hours'
                    )}
                  </td>
                  <td>
                    <a href={item.url} rel="noopener noreferrer external">
                      Open the post
                      <span className="visually-hidden">
                        {' '}
                        ({KIND_LABEL[item.kind].toLowerCase()} received {received}) on {platform}
                      </span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
