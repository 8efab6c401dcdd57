import type { CouncilOverview } from '@wardreach/contracts';
import { formatCount, formatPercent } from '../series/format';

/** The council's headline totals; medians are anonymised (no councillor named). */
export function CouncilTotals({ overview }: { overview: CouncilOverview }) {
  const t = overview.totals;
  const items: [string, string][] = [
    ['Councillors', formatCount(overview.councillors)],
    ['Councillors with collected accounts', formatCount(overview.councillorsOnline)],
    ['Accounts', formatCount(overview.accounts)],
    ['Wards', formatCount(overview.wards)],
    ['Followers, all accounts', formatCount(t.followers)],
    ['Posts, 30 days', formatCount(t.posts30d)],
    ['Followers, council median', formatCount(t.medianFollowers)],
    ['Engagement rate, council median', formatPercent(t.medianEngagementRate, 2)],
    ['Local share, council median', formatPercent(t.medianLocalShare)],
  ];
  return (
    <dl className="totals">
      {items.map(([label, value]) => (
        <div key={label} className="totals__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
