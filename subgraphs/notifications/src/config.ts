import { loadConfig, mailEnv, serviceEnv, z, type Env } from '@medappt/platform';
import { DEFAULT_REMINDER_OFFSETS_MINUTES, MAX_REMINDER_OFFSET_MINUTES, MAX_REMINDER_OFFSETS, MIN_REMINDER_OFFSET_MINUTES } from './domain/reminder-rules.ts';
import { DEFAULT_RETRY_POLICY } from './domain/retry.ts';

const offsetList = z
  .string()
  .transform((s) => s.split(',').map((v) => Number(v.trim())))
  .pipe(z.array(z.number().int().min(MIN_REMINDER_OFFSET_MINUTES).max(MAX_REMINDER_OFFSET_MINUTES)).max(MAX_REMINDER_OFFSETS));

export const notificationsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4005),
  /** SMTP_URL unset: email is written to the log, the inbox still gets everything. */
  ...mailEnv,
  /** Reminder offsets (minutes before the visit) for clinics that have not set their own. */
  DEFAULT_REMINDER_OFFSETS: offsetList.default([...DEFAULT_REMINDER_OFFSETS_MINUTES]),
  /** Events older than this (a consumer catching up on history) update reminders but send no notice. */
  NOTICE_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 60),
  /**
   * How long after its completion a visit may be rated: the feedback subgraph's FEEDBACK_WINDOW_DAYS,
   * which the invitation names (set both together).
   */
  FEEDBACK_WINDOW_DAYS: z.coerce.number().int().positive().default(30),
  /** How often the reminder and delivery workers look for due work (they are also woken at once by new work). */
  WORKER_POLL_MS: z.coerce.number().int().positive().default(1_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(DEFAULT_RETRY_POLICY.maxAttempts),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().positive().default(DEFAULT_RETRY_POLICY.baseDelayMs),
});
export type NotificationsConfig = z.infer<typeof notificationsEnv>;

export function loadNotificationsConfig(env?: Env): NotificationsConfig {
  return loadConfig('notifications', notificationsEnv, env);
}
