/**
 * Which invoice an appointment event asks for: the visit's on completion; the clinic's no-show fee
 * on a no-show; its late-cancellation fee on a cancellation inside the patient cutoff that was not
 * the doctor's doing. A fee of 0 means the clinic charges none.
 */
export type InvoiceKind = 'VISIT' | 'NO_SHOW_FEE' | 'LATE_CANCELLATION_FEE';

export interface AppointmentFacts {
  readonly type: string;
  readonly withinCancellationCutoff?: boolean | undefined;
  readonly actorRole?: string | undefined;
}

export interface FeeSettings {
  readonly noShowFeeCents: number;
  readonly lateCancellationFeeCents: number;
}

export type Billable = { kind: 'VISIT' } | { kind: 'NO_SHOW_FEE' | 'LATE_CANCELLATION_FEE'; amountCents: number } | null;

export function billableFor(event: AppointmentFacts, settings: FeeSettings): Billable {
  switch (event.type) {
    case 'appointment.completed':
      return { kind: 'VISIT' };
    case 'appointment.no_show':
      return settings.noShowFeeCents > 0 ? { kind: 'NO_SHOW_FEE', amountCents: settings.noShowFeeCents } : null;
    case 'appointment.cancelled':
      if (event.withinCancellationCutoff !== true || event.actorRole === 'DOCTOR') return null;
      return settings.lateCancellationFeeCents > 0 ? { kind: 'LATE_CANCELLATION_FEE', amountCents: settings.lateCancellationFeeCents } : null;
    default:
      return null;
  }
}

export const FEE_DESCRIPTIONS: Record<Exclude<InvoiceKind, 'VISIT'>, string> = {
  NO_SHOW_FEE: 'No-show fee',
  LATE_CANCELLATION_FEE: 'Late cancellation fee',
};
