/** What the resolvers of each GraphQL type receive (codegen reads the `<Type>Mapper` exports). */
import type { NotificationRow } from './db/schema.ts';
import type { EffectivePreferences } from './domain/preference-rules.ts';
import type { EffectiveReminderPolicy, ReminderView } from './domain/reminder-rules.ts';
import type { DeliveryLogEntry } from './repository/deliveries.ts';

/** An account as another subgraph refers to it: notifications adds its inbox. */
export interface UserMapper {
  id: string;
}

/** An appointment as another subgraph refers to it: notifications adds its reminders. */
export interface AppointmentMapper {
  id: string;
}

export type NotificationMapper = NotificationRow;
export type DeliveryMapper = DeliveryLogEntry;
export type NotificationPreferencesMapper = EffectivePreferences;
export type ReminderPolicyMapper = EffectiveReminderPolicy;
export type ReminderMapper = ReminderView;
