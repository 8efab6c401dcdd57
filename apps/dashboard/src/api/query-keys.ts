/** Every query key the dashboard uses, built in one place so live events can find them. */
export const queryKeys = {
  overview: ['overview'] as const,
  councillors: ['councillors'] as const,
  footprint: (councillorId: string) => ['footprint', councillorId] as const,
};
