import type { AccountCard } from '@wardreach/contracts';
import {
  formatChange,
  formatCount,
  formatDateTime,
  formatEngagementRate,
  formatPercent,
} from '../series/format';
import { accountStatusLabel, HAS_FOLLOWERS, MENTIONS_LABEL, PLATFORM_LABEL } from '../series/platform-label';

/** A blog has no followers: its card says so rather than show a count of 0. */
const NO_FOLLOWERS = 'Not applicable: a blog has no followers';

/** One platform account: where it is, whether it is being collected, and its figures. */
export function AccountCardView({ account }: { account: AccountCard }) {
  const f = account.figures;
  const followed = HAS_FOLLOWERS[account.platform];
  const figures: [string, string][] = [
    ['Followers', followed ? formatCount(f.followers) : NO_FOLLOWERS],
    ['Net followers, 30 days', followed ? formatChange(f.followersNet30d) : NO_FOLLOWERS],
    ['Posts, 30 days', formatCount(f.posts30d)],
    ['Engagement rate', formatEngagementRate(f.engagementRate, f.likesHidden30d)],
    ['Reply share', formatPercent(f.replyShare)],
    ['Local share', formatPercent(f.localShare)],
  ];
  return (
    <article className="account-card">
      <h3 className="account-card__platform">{PLATFORM_LABEL[account.platform]}</h3>
      <p className="account-card__handle">
        {account.url === null ? (
          account.handle
        ) : (
          <a href={account.url} rel="noopener noreferrer external">
            {account.handle}
            <span className="visually-hidden"> on {PLATFORM_LABEL[account.platform]} (public profile)</span>
          </a>
        )}
      </p>
      <p className="account-card__status">
        <span className={`tag tag--${account.status}`}>{accountStatusLabel(account)}</span>
        {account.status !== 'active' && account.statusReason !== null ? (
          <span className="account-card__reason">{account.statusReason}</span>
        ) : null}
      </p>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figures__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="account-card__schedule">
        <div>
          <dt>Last collected</dt>
          <dd>{formatDateTime(account.lastCollectedAt)}</dd>
        </div>
        <div>
          <dt>Next due</dt>
          <dd>{formatDateTime(account.nextDueAt)}</dd>
        </div>
        <div>
          <dt>Mentions</dt>
          <dd>{account.mentions === null ? 'Not collected yet' : MENTIONS_LABEL[account.mentions]}</dd>
        </div>
      </dl>
    </article>
  );
}
