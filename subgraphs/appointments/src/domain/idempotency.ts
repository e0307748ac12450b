/**
 * An idempotency key names one booking request. Sent again with the same request, it is a retry
 * and gets the first booking back; with a different one it is a mistake (a client reusing keys),
 * refused like payment APIs refuse it, never silently answered with someone else's booking. Pure.
 */

/** The parts of a booking request a retry must repeat; instants as ISO 8601 strings. */
export interface BookingRequest {
  doctorId: string;
  serviceId: string;
  start: string;
  reason: string | null;
}

export function bookingRequestOf(input: { doctorId: string; serviceId: string; start: Date; reason: string | null }): BookingRequest {
  return { doctorId: input.doctorId.toLowerCase(), serviceId: input.serviceId.toLowerCase(), start: input.start.toISOString(), reason: input.reason };
}

/** The input fields in which `retry` differs from the request the key was first used with; empty for a true retry. */
export function differingFields(first: BookingRequest, retry: BookingRequest): (keyof BookingRequest)[] {
  return (['doctorId', 'serviceId', 'start', 'reason'] as const).filter((field) => first[field] !== retry[field]);
}
