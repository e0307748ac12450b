import { appointmentChanged } from './appointment-changed.ts';
import type { AnyLiveField } from './live-field.ts';
import { notificationReceived } from './notification-received.ts';
import { slotsChanged } from './slots-changed.ts';

/** Every Subscription field the router serves; one module each (docs/subscriptions.md). */
export const liveFields: readonly AnyLiveField[] = [appointmentChanged, slotsChanged, notificationReceived];

/** The topics the fields follow, each once. */
export const liveTopics = [...new Map(liveFields.flatMap((f) => f.topics).map((t) => [t.name, t])).values()];
