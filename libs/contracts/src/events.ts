/** Announced on `GET /api/events` (Server-Sent Events) so the dashboard refetches what changed. */
export type LiveEvent =
  | {
      type: 'collection.finished';
      accountId: string;
      councillorId: string;
      status: 'succeeded' | 'failed';
      at: string;
    }
  | {
      type: 'figures.updated';
      councillorIds: string[];
      at: string;
    };

export type LiveEventType = LiveEvent['type'];
