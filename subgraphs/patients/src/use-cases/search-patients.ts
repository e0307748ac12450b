import { checkOptionalText, decodeCursor, pageSize, requireRole, toConnection, type Connection } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { QueryPatientsArgs } from '../generated/resolvers-types.ts';
import { patientsByName } from '../repository/patients.ts';
import type { PatientMapper } from '../schema.mappers.ts';

/** Patients by name or email, a keyset page of them (STAFF, ADMIN). */
export async function searchPatients(ctx: PatientsContext, input: QueryPatientsArgs): Promise<Connection<PatientMapper>> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  const size = pageSize(input.first);
  const after = decodeCursor(input.after);
  const rows = await patientsByName(ctx.db, {
    search: checkOptionalText('search', input.search, 'search'),
    after: after ? [String(after[0]), String(after[1])] : null,
    limit: size + 1,
  });
  return toConnection(rows, size, (row) => [row.name.toLowerCase(), row.id]);
}
