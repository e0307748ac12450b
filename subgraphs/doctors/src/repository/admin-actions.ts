import { recordAdminAction, type Viewer } from '@medappt/platform';
import type { DoctorsTx } from './db.ts';

export type EntityType = 'Doctor' | 'Clinic' | 'MedicalService';

/** The audit row for a change; call it inside the change's transaction so both commit or neither does. */
export function audit(
  tx: DoctorsTx,
  actor: Viewer,
  entry: { action: string; entityType: EntityType; entityId: string; changes: Record<string, unknown> },
): Promise<void> {
  return recordAdminAction(tx, actor, entry);
}
