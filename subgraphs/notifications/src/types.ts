/** What resolvers pass around where no table row fits. */
export interface UserReference {
  id: string;
}

/** An appointment as another subgraph refers to it: notifications adds its reminders. */
export interface AppointmentReference {
  id: string;
}
