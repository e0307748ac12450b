import { checkOptionalText, decodeCursor, pageSize, requireRole, toConnection } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { searchPatients } from '../../repository/patients.ts';

export const patients: NonNullable<QueryResolvers['patients']> = async (_p, args, ctx) => {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const rows = await searchPatients(ctx.db, {
    search: checkOptionalText('search', args.search, 'search'),
    after: after ? [String(after[0]), String(after[1])] : null,
    limit: size + 1,
  });
  return toConnection(rows, size, (row) => [row.name.toLowerCase(), row.id]);
};
