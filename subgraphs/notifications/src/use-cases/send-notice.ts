import type { Logger } from '@medappt/platform';
import type { NotificationRow } from '../db/schema.ts';
import type { Recipient } from '../domain/event-notices.ts';
import type { NotificationType } from '../domain/notification-types.ts';
import { channelsFor } from '../domain/preference-rules.ts';
import { deliverAt } from '../domain/quiet-hours.ts';
import { renderMessage, type Templates } from '../domain/templates.ts';
import { publishNotificationCreated } from '../events/publishes-notifications.ts';
import type { NotificationsTx } from '../repository/db.ts';
import { insertDeliveries, insertNotification, type NewDelivery } from '../repository/notifications.ts';
import { preferencesOf } from '../repository/preferences.ts';
import type { AppointmentContext } from '../repository/read-models.ts';

export interface AppointmentNotice {
  userId: string;
  recipient: Recipient;
  type: NotificationType;
  /** The event or reminder id that caused it: the same source never notifies twice. */
  sourceId: string;
  /** The visit (or, for a waiting-list offer, the free time: no appointment id). */
  appointment: { id: string | null; startAt: Date; endAt: Date };
  context: AppointmentContext;
  reason: string | null;
  previousStartAt: Date | null;
  awaitingApproval?: boolean;
}

/** What telling someone needs: the transaction of the event or reminder that caused it, its clock, the templates. */
export interface NoticeContext {
  tx: NotificationsTx;
  now: Date;
  logger: Logger;
  templates: Templates;
}

/**
 * Renders a notice in the recipient's language and the clinic's time zone, puts it in their inbox
 * and queues one delivery per outside channel they chose, all in the caller's transaction.
 * Email and SMS wait for the end of quiet hours; if that is after the visit starts, only the inbox has it.
 * A new inbox item is announced on notifications.events.v1 in the same transaction.
 */
export async function sendNotice(ctx: NoticeContext, notice: AppointmentNotice): Promise<NotificationRow | null> {
  const { tx, now, logger } = ctx;
  const contact = notice.context.contacts[notice.recipient];
  const prefs = await preferencesOf(tx, notice.userId);
  if (contact?.disabledAt) {
    logger.info({ userId: notice.userId, type: notice.type }, 'not notified: account disabled');
    return null;
  }
  // An account we have not heard of yet (its user.created is still on its way) is expected to have
  // an email address: the delivery worker looks it up when it sends.
  const channels = channelsFor(notice.type, prefs, contact ? Boolean(contact.email) : true);
  if (channels.length === 0) {
    logger.info({ userId: notice.userId, type: notice.type }, 'not notified: the user opted out of this type');
    return null;
  }
  const message = renderMessage(ctx.templates, notice.type, prefs.locale, {
    ...notice.context.facts,
    recipientName: contact?.name ?? (notice.recipient === 'doctor' ? notice.context.facts.doctorName : notice.context.facts.patientName),
    startAt: notice.appointment.startAt,
    endAt: notice.appointment.endAt,
    reason: notice.reason,
    previousStartAt: notice.previousStartAt,
    awaitingApproval: notice.awaitingApproval ?? false,
  });
  const notification = await insertNotification(tx, {
    userId: notice.userId,
    type: notice.type,
    appointmentId: notice.appointment.id,
    subject: message.subject,
    body: message.text,
    locale: message.locale,
    sourceId: notice.sourceId,
    createdAt: now,
  });
  if (!notification) return null;
  await publishNotificationCreated(tx, notification);

  const sendAt = deliverAt(now, prefs.quietHours);
  const tooLate = sendAt >= notice.appointment.startAt && sendAt > now;
  const outside: NewDelivery[] = [];
  const base = { notificationId: notification.id, userId: notice.userId, createdAt: now, updatedAt: now };
  for (const channel of channels) {
    if (channel === 'IN_APP') {
      outside.push({ ...base, channel, address: 'inbox', status: 'SENT', provider: 'inbox', attempts: 1, nextAttemptAt: now, sentAt: now });
      continue;
    }
    const address = channel === 'EMAIL' ? (contact?.email ?? '') : prefs.smsNumber!;
    outside.push(
      tooLate
        ? { ...base, channel, address, status: 'SKIPPED', nextAttemptAt: sendAt, lastError: 'quiet hours last until after the visit starts: in the inbox only' }
        : { ...base, channel, address, status: 'PENDING', nextAttemptAt: sendAt },
    );
  }
  await insertDeliveries(tx, outside);
  logger.info({ userId: notice.userId, type: notice.type, notificationId: notification.id, channels, sendAt }, 'notification queued');
  return notification;
}
