import { badUserInput, checkOptionalText, nameIdCursor, pageSize, toConnection, isUuid, type Connection, type Edge } from '@medappt/platform';
import type { DoctorRow } from './db/schema.ts';
import { searchWords } from './domain/search.ts';
import type { DoctorFilter } from './generated/resolvers-types.ts';
import type { DoctorsDb } from './repository/db.ts';
import { countDirectory, findDirectoryPage, type DirectoryFilter } from './repository/doctors.ts';

export type DoctorPageEdge = Edge<DoctorRow>;
/** A page of the directory; the total is counted only when a client asks for it. */
export interface DoctorPage extends Connection<DoctorRow> {
  totalCount(): Promise<number>;
}

function directoryFilter(filter: DoctorFilter | null | undefined): DirectoryFilter {
  for (const field of ['serviceId', 'clinicId'] as const) {
    const id = filter?.[field];
    if (id && !isUuid(id)) throw badUserInput(`filter.${field}`, 'is not an id this API returned');
  }
  const words = searchWords(filter?.search ?? '');
  if (!words.ok) throw badUserInput('filter.search', words.message);
  return {
    specialty: checkOptionalText('filter.specialty', filter?.specialty, 'search'),
    serviceId: filter?.serviceId ?? null,
    clinicId: filter?.clinicId ?? null,
    searchWords: words.value,
    includeInactive: filter?.includeInactive ?? false,
  };
}

/** The doctor directory in (name, id) order with keyset cursors: no duplicates or gaps when rows are added meanwhile. */
export async function doctorDirectoryPage(
  db: DoctorsDb,
  args: { filter?: DoctorFilter | null; first?: number | null; after?: string | null },
): Promise<DoctorPage> {
  const size = pageSize(args.first);
  const filter = directoryFilter(args.filter);
  const rows = await findDirectoryPage(db, filter, { after: nameIdCursor(args.after), limit: size + 1 });
  return { ...toConnection(rows, size, (row) => [row.name, row.id]), totalCount: () => countDirectory(db, filter) };
}
