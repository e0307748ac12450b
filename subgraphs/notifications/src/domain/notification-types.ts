export const NotificationTypes = ['BOOKING_RECEIVED','APPOINTMENT_REQUEST','APPOINTMENT_CONFIRMED','APPOINTMENT_DECLINED','APPOINTMENT_CANCELLED','APPOINTMENT_RESCHEDULED','APPOINTMENT_REMINDER','WAITLIST_OFFER'] as const;
export type NotificationType = (typeof NotificationTypes)[number];
export const Channels = ['EMAIL','SMS','IN_APP'] as const;
export type Channel = (typeof Channels)[number];
