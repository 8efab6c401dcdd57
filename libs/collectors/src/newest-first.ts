/** The `limit` latest of `items` by their ISO 8601 `createdAt`, latest first (ties keep their order). */
export function newestFirst<T>(items: readonly T[], createdAt: (item: T) => string, limit: number): T[] {
  return [...items]
    .sort((a, b) => {
      const [x, y] = [createdAt(a), createdAt(b)];
      return x < y ? 1 : x > y ? -1 : 0;
    })
    .slice(0, limit);
}
