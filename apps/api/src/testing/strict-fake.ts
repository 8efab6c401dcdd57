/**
 * A stand-in for a collaborator of the unit under test that has only the members the test gives it:
 * using any other throws, naming the member, so a unit test cannot lean on behaviour it did not set up.
 */
export function strictFake<T>(members: Partial<T>): T {
  return new Proxy(members, {
    get(target, key) {
      if (key in target) return (target as Record<PropertyKey, unknown>)[key];
      // Not a promise: `await` probes `then`.
      if (key === 'then') return undefined;
      throw new Error(`unexpected use of ${String(key)}`);
    },
  }) as T;
}
