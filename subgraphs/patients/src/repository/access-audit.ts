import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Viewer } from '@medappt/platform';
import { currentRequestId } from '@medappt/platform';
import { recordAccessAudit, type RecordAccessRow } from '../db/schema.ts';
import type { PatientsDbOrTx } from './db.ts';

export async function auditRecordAccess(
  db: PatientsDbOrTx,
  access: {
    viewer: Viewer | null;
    patientId: string;
    fields: string[];
    allowed: boolean;
    reason: string | null;
    clientIp: string;
    clientRequestId: string | undefined;
  },
): Promise<void> {
  await db.insert(recordAccessAudit).values({
    viewerId: access.viewer?.userId ?? null,
    viewerRole: access.viewer?.role ?? null,
    clientIp: access.clientIp,
    clientRequestId: access.clientRequestId ?? null,
    patientId: access.patientId,
    fields: access.fields,
    allowed: access.allowed,
    reason: access.reason,
    requestId: currentRequestId() ?? null,
  });
}

export async function listRecordAccess(
  db: PatientsDbOrTx,
  filter: { patientId?: string | null; viewerId?: string | null; first: number },
): Promise<RecordAccessRow[]> {
  const conditions: SQL[] = [];
  if (filter.patientId) conditions.push(eq(recordAccessAudit.patientId, filter.patientId));
  if (filter.viewerId) conditions.push(eq(recordAccessAudit.viewerId, filter.viewerId));
  return db
    .select()
    .from(recordAccessAudit)
    .where(and(...conditions))
    .orderBy(desc(recordAccessAudit.id))
    .limit(filter.first);
}
