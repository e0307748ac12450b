import { pageSize, requireRole } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import { deliveryLog, type DeliveryLogEntry } from '../repository/deliveries.ts';

/** The delivery log, newest first: ADMIN only. */
export async function listNotificationDeliveries(
  ctx: NotificationsContext,
  input: { status?: string | null; userId?: string | null; first?: number | null },
): Promise<DeliveryLogEntry[]> {
  requireRole(ctx.auth, 'ADMIN');
  return deliveryLog(ctx.db, { status: input.status ?? null, userId: input.userId ?? null, first: pageSize(input.first, { default: 50, max: 500 }) });
}
