import type { Logger } from '@medappt/platform';
import type { ContactRow } from '../db/schema.ts';
import type { Recipient } from '../domain/event-notices.ts';
import type { Channel, NotificationType } from '../domain/notification-types.ts';
import { channelsFor, type EffectivePreferences } from '../domain/preference-rules.ts';
import { deliverAt } from '../domain/quiet-hours.ts';
import { renderMessage, type AnyMessageFacts, type MessageFacts, type Templates } from '../domain/templates.ts';
import { publishNotificationsCreated } from '../events/publishes-notifications.ts';
import type { NotificationsTx } from '../repository/db.ts';
import { insertDeliveries, insertNotifications, type NewDelivery, type NewNotification } from '../repository/notifications.ts';
import { preferencesOfUsers } from '../repository/preferences.ts';
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
  /** Email and SMS that quiet hours hold until after this are skipped: the visit's start unless given. */
  deliverBy?: OutgoingNotice['deliverBy'];
  feedbackWindow?: MessageFacts['feedbackWindow'];
}

/** Any notice, rendered from its facts: what the inbox and the delivery rows need. */
export interface OutgoingNotice {
  userId: string;
  type: NotificationType;
  sourceId: string;
  appointmentId: string | null;
  /** The account (null while its user.created has not arrived). */
  contact: ContactRow | null;
  /** The recipient's preferences, when the caller has read them already (else they are read here). */
  prefs?: EffectivePreferences;
  facts: AnyMessageFacts;
  /** Email and SMS that quiet hours hold until after `at` are skipped, saying they would come after `what`; null: they wait as long as it takes. */
  deliverBy: { at: Date; what: string } | null;
}

/** What telling someone needs: the transaction of the event or reminder that caused it, its clock, the templates. */
export interface NoticeContext {
  tx: NotificationsTx;
  now: Date;
  logger: Logger;
  templates: Templates;
  /** Where the notices go when several events share a transaction (a consumer's run): written together at its end. Unset: at once. */
  writer?: NoticeWriter;
}

/**
 * Renders a notice in the recipient's language and the clinic's time zone, puts it in their inbox
 * and queues one delivery per outside channel they chose, all in the caller's transaction.
 * Email and SMS wait for the end of quiet hours; if that is after the visit starts (or the notice's
 * own `deliverBy`), only the inbox has it.
 * A new inbox item is announced on notifications.events.v1 in the same transaction.
 */
export function sendNotice(ctx: NoticeContext, notice: AppointmentNotice): Promise<void> {
  return sendNotices(ctx, [notice]);
}

/** sendNotice for the notices of one change. */
export function sendNotices(ctx: NoticeContext, notices: readonly AppointmentNotice[]): Promise<void> {
  return notifyAll(
    ctx,
    notices.map((notice) => {
      const contact = notice.context.contacts[notice.recipient];
      const prefs = notice.context.preferences[notice.recipient];
      return {
        userId: notice.userId,
        type: notice.type,
        sourceId: notice.sourceId,
        appointmentId: notice.appointment.id,
        contact,
        ...(prefs.userId === notice.userId && { prefs }),
        deliverBy: notice.deliverBy ?? { at: notice.appointment.startAt, what: 'the visit starts' },
        facts: {
          ...notice.context.facts,
          recipientName: contact?.name ?? (notice.recipient === 'doctor' ? notice.context.facts.doctorName : notice.context.facts.patientName),
          startAt: notice.appointment.startAt,
          endAt: notice.appointment.endAt,
          reason: notice.reason,
          previousStartAt: notice.previousStartAt,
          awaitingApproval: notice.awaitingApproval ?? false,
          ...(notice.feedbackWindow && { feedbackWindow: notice.feedbackWindow }),
        },
      };
    }),
  );
}

/** sendNotice for any notice, its message facts given (an invoice's, say). */
export function notify(ctx: NoticeContext, notice: OutgoingNotice): Promise<void> {
  return notifyAll(ctx, [notice]);
}

/** A notice as it will be written: its inbox row, and the deliveries it gets if that row is new. */
interface PlannedNotice {
  userId: string;
  type: NotificationType;
  row: NewNotification;
  deliveries: Omit<NewDelivery, 'notificationId'>[];
  channels: Channel[];
  sendAt: Date;
}

/** notify for several notices: rendered now, written now or with the rest of the run (`ctx.writer`). */
export async function notifyAll(ctx: NoticeContext, notices: readonly OutgoingNotice[]): Promise<void> {
  const planned = await planNotices(ctx, notices);
  if (ctx.writer) ctx.writer.add(planned);
  else await writeNotices(ctx.tx, ctx.logger, planned);
}

async function planNotices(ctx: NoticeContext, notices: readonly OutgoingNotice[]): Promise<PlannedNotice[]> {
  const { now, logger } = ctx;
  const unread = notices.filter((n) => !n.prefs).map((n) => n.userId);
  const stored = unread.length > 0 ? await preferencesOfUsers(ctx.tx, unread) : new Map<string, EffectivePreferences>();
  const planned: PlannedNotice[] = [];
  for (const notice of notices) {
    const prefs = notice.prefs ?? stored.get(notice.userId)!;
    if (notice.contact?.disabledAt) {
      logger.info({ userId: notice.userId, type: notice.type }, 'not notified: account disabled');
      continue;
    }
    // An account we have not heard of yet (its user.created is still on its way) is expected to have
    // an email address: the delivery worker looks it up when it sends.
    const channels = channelsFor(notice.type, prefs, notice.contact ? Boolean(notice.contact.email) : true);
    if (channels.length === 0) {
      logger.info({ userId: notice.userId, type: notice.type }, 'not notified: the user opted out of this type');
      continue;
    }
    const message = renderMessage(ctx.templates, notice.type, prefs.locale, notice.facts);
    const sendAt = deliverAt(now, prefs.quietHours);
    const { deliverBy, contact } = notice;
    const tooLateFor = deliverBy && sendAt >= deliverBy.at && sendAt > now ? deliverBy.what : null;
    const base = { userId: notice.userId, createdAt: now, updatedAt: now };
    const deliveries = channels.map((channel): Omit<NewDelivery, 'notificationId'> => {
      if (channel === 'IN_APP') return { ...base, channel, address: 'inbox', status: 'SENT', provider: 'inbox', attempts: 1, nextAttemptAt: now, sentAt: now };
      const address = channel === 'EMAIL' ? (contact?.email ?? '') : prefs.smsNumber!;
      return tooLateFor
        ? { ...base, channel, address, status: 'SKIPPED', nextAttemptAt: sendAt, lastError: `quiet hours last until after ${tooLateFor}: in the inbox only` }
        : { ...base, channel, address, status: 'PENDING', nextAttemptAt: sendAt };
    });
    planned.push({
      userId: notice.userId,
      type: notice.type,
      channels,
      sendAt,
      deliveries,
      row: {
        userId: notice.userId,
        type: notice.type,
        appointmentId: notice.appointmentId,
        subject: message.subject,
        body: message.text,
        locale: message.locale,
        sourceId: notice.sourceId,
        createdAt: now,
      },
    });
  }
  return planned;
}

const sourceKey = (n: { sourceId: string; userId: string; type: string }): string => `${n.sourceId}|${n.userId}|${n.type}`;

/**
 * The inbox rows (once per source, user and type: a replay's are not written again), their
 * notification.created events and the deliveries of the new ones: one statement each, however many.
 */
async function writeNotices(tx: NotificationsTx, logger: Logger, planned: readonly PlannedNotice[]): Promise<void> {
  if (planned.length === 0) return;
  const inserted = await insertNotifications(
    tx,
    planned.map((p) => p.row),
  );
  const bySource = new Map(inserted.map((row) => [sourceKey(row), row]));
  // The same (source, user, type) twice (one account on both sides of a visit) is one notification, as a replay is.
  const taken = new Set<string>();
  const created = planned.flatMap((p) => {
    const key = sourceKey(p.row);
    const notification = bySource.get(key);
    if (!notification || taken.has(key)) return [];
    taken.add(key);
    return [{ ...p, notification }];
  });
  await publishNotificationsCreated(
    tx,
    created.map((c) => c.notification),
  );
  await insertDeliveries(
    tx,
    created.flatMap((c) => c.deliveries.map((d) => ({ ...d, notificationId: c.notification.id }))),
  );
  // A run's notices are written after its events' request-id scopes: the source (event or reminder) says which it was.
  for (const { userId, type, notification, channels, sendAt } of created)
    logger.info({ userId, type, notificationId: notification.id, sourceId: notification.sourceId, channels, sendAt }, 'notification queued');
}

/** Collects the notices of the events that share a transaction, and writes them together before it commits. */
export interface NoticeWriter {
  add(planned: readonly PlannedNotice[]): void;
  flush(): Promise<void>;
}

export function noticeWriter(tx: NotificationsTx, logger: Logger): NoticeWriter {
  const pending: PlannedNotice[] = [];
  return {
    add: (planned) => void pending.push(...planned),
    flush: () => writeNotices(tx, logger, pending.splice(0)),
  };
}
