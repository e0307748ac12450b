/** What a change did to an appointment, field by field, for its history. Pure. */

/** One field a change set: the name is the API's (`start`, `doctorId`), values as the API writes them. */
export interface FieldChange {
  field: 'start' | 'end' | 'doctorId' | 'serviceId';
  from: string;
  to: string;
}

export interface Placement {
  startAt: Date;
  endAt: Date;
  doctorId: string;
  serviceId: string;
}

/** The fields that differ between two placements of one appointment, in a fixed order. */
export function changedFields(before: Placement, after: Placement): FieldChange[] {
  const pairs: [FieldChange['field'], string, string][] = [
    ['start', before.startAt.toISOString(), after.startAt.toISOString()],
    ['end', before.endAt.toISOString(), after.endAt.toISOString()],
    ['doctorId', before.doctorId, after.doctorId],
    ['serviceId', before.serviceId, after.serviceId],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}
