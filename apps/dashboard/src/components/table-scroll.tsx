import type { ReactNode } from 'react';

/**
 * A wide table's sideways-scrolling box. It is a named region that takes focus, so keyboard
 * users can scroll it with the arrow keys (WCAG 2.1.1) and screen readers announce what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
