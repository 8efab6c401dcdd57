import type { SupportFlagKey } from '@wardreach/contracts';
import { SUPPORT_FLAG_KEYS } from '@wardreach/contracts';

/** Short names of the support flags; a Record so a flag added to the contracts must be named here. */
export const SUPPORT_FLAG_LABEL: Record<SupportFlagKey, string> = {
  'single-platform': 'On one platform or none',
  inactive: 'Inactive',
  broadcasting: 'Broadcasting, rarely replying',
  'unanswered-mentions': 'Unanswered mentions',
  'falling-reach': 'Falling reach',
  'low-local-share': 'Few ward followers',
  'collection-failing': 'Collection failing',
};

export function isSupportFlagKey(value: string): value is SupportFlagKey {
  return (SUPPORT_FLAG_KEYS as readonly string[]).includes(value);
}
