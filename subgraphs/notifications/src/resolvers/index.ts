import { DateTimeScalar, requireRole, pageSize } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { inboxItem, markAllNotificationsRead, markNotificationRead, notificationsOf, unreadNotificationCount } from '../inbox.ts';
import { myPreferences, setMyPreferences } from '../preferences.ts';
import { reminderPolicy, setReminderPolicy } from '../reminder-policy.ts';
import { remindersOfAppointment } from '../reminders-view.ts';
import { deliveryLog } from '../repository/deliveries.ts';

// Thin: authorise and parse here or in the use case, which calls the domain and the repositories.
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    notification: (_p, args, ctx) => inboxItem(ctx, args.id),
    notificationPreferences: (_p, _a, ctx) => myPreferences(ctx),
    reminderPolicy: (_p, args, ctx) => reminderPolicy(ctx, args.clinicId),
    notificationDeliveries: (_p, args, ctx) => {
      requireRole(ctx.auth, 'ADMIN');
      return deliveryLog(ctx.db, { status: args.status ?? null, userId: args.userId ?? null, first: pageSize(args.first, { default: 50, max: 500 }) });
    },
  },
  Mutation: {
    markNotificationRead: (_p, args, ctx) => markNotificationRead(ctx, args.id),
    markAllNotificationsRead: (_p, _a, ctx) => markAllNotificationsRead(ctx),
    setNotificationPreferences: (_p, args, ctx) => setMyPreferences(ctx, args.input),
    setReminderPolicy: (_p, args, ctx) => setReminderPolicy(ctx, args.clinicId, args.offsetsMinutes),
  },
  User: {
    notifications: (user, args, ctx) => notificationsOf(ctx, user.id, args),
    unreadNotificationCount: (user, _a, ctx) => unreadNotificationCount(ctx, user.id),
  },
  Appointment: {
    reminders: (appointment, _a, ctx) => remindersOfAppointment(ctx, appointment.id),
  },
  Notification: {
    deliveries: (notification, _a, ctx) => ctx.loaders.deliveriesOf.load(notification),
  },
};
