import { badUserInput, recordAdminAction, type Viewer } from '@medappt/platform';
import type { Checked } from './domain/validation.ts';
import type { DoctorsTx } from './repository/db.ts';

/** The checked value, or the first problem as BAD_USER_INPUT naming its field. */
export function valid<T>(checked: Checked<T>): T {
  if (checked.problem) throw badUserInput(checked.problem.field, checked.problem.message);
  return checked.value;
}

export type EntityType = 'Doctor' | 'Clinic' | 'MedicalService';

/** The audit row for a change; call it inside the change's transaction so both commit or neither does. */
export function audit(
  tx: DoctorsTx,
  actor: Viewer,
  entry: { action: string; entityType: EntityType; entityId: string; changes: Record<string, unknown> },
): Promise<void> {
  return recordAdminAction(tx, actor, entry);
}
