import type { HistoryEntryResolvers } from '../../generated/resolvers-types.ts';

export const HistoryEntry: HistoryEntryResolvers = {
  author: (entry) => ({ id: entry.authorId }),
};
