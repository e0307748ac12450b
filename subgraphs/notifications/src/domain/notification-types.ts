export const NotificationTypes = [
  'BOOKING_RECEIVED',
  'APPOINTMENT_REQUEST',
  'APPOINTMENT_CONFIRMED',
  'APPOINTMENT_DECLINED',
  'APPOINTMENT_CANCELLED',
  'APPOINTMENT_RESCHEDULED',
  'APPOINTMENT_REMINDER',
  'WAITLIST_OFFER',
  'FEEDBACK_INVITE',
  'INVOICE_ISSUED',
  'PAYMENT_RECORDED',
  'PAYMENT_REFUNDED',
  'INVOICE_PAID',
  'INVOICE_VOIDED',
] as const;
export type NotificationType = (typeof NotificationTypes)[number];
/** Notices about an invoice (billing.events.v1): their messages name the invoice and its amounts, not a visit. */
export const InvoiceNotificationTypes = [
  'INVOICE_ISSUED',
  'PAYMENT_RECORDED',
  'PAYMENT_REFUNDED',
  'INVOICE_PAID',
  'INVOICE_VOIDED',
] as const satisfies readonly NotificationType[];
export type InvoiceNotificationType = (typeof InvoiceNotificationTypes)[number];
export const Channels = ['EMAIL', 'SMS', 'IN_APP'] as const;
export type Channel = (typeof Channels)[number];
