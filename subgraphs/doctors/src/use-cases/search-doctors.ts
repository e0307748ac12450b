import { badUserInput, checkOptionalText, isUuid, nameIdCursor, pageSize, toConnection } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import { searchWords } from '../domain/search.ts';
import type { DoctorFilter, QueryDoctorsArgs } from '../generated/resolvers-types.ts';
import { countDirectory, findDirectoryPage, type DirectoryFilter } from '../repository/doctors.ts';
import type { DoctorConnectionMapper } from '../schema.mappers.ts';
import { validOrReject } from './valid-or-reject.ts';

function directoryFilter(filter: DoctorFilter | null | undefined): DirectoryFilter {
  for (const field of ['serviceId', 'clinicId'] as const) {
    const id = filter?.[field];
    if (id && !isUuid(id)) throw badUserInput(`filter.${field}`, 'is not an id this API returned');
  }
  return {
    searchWords: validOrReject(searchWords(filter?.search ?? ''), 'search', 'filter'),
    specialty: checkOptionalText('filter.specialty', filter?.specialty, 'search'),
    serviceId: filter?.serviceId ?? null,
    clinicId: filter?.clinicId ?? null,
    includeInactive: filter?.includeInactive ?? false,
  };
}

/** The doctor directory (anyone) in (name, id) order with keyset cursors: no duplicates or gaps when rows are added meanwhile. */
export async function searchDoctors(ctx: DoctorsContext, args: QueryDoctorsArgs): Promise<DoctorConnectionMapper> {
  const size = pageSize(args.first);
  const filter = directoryFilter(args.filter);
  const rows = await findDirectoryPage(ctx.db, filter, { after: nameIdCursor(args.after), limit: size + 1 });
  return { ...toConnection(rows, size, (row) => [row.name, row.id]), totalCount: () => countDirectory(ctx.db, filter) };
}
