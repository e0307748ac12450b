import { badUserInput, checkOptionalText, codedError, forbidden, isExposedError, notFound, requireViewer, type AppointmentEventType, type Viewer } from '@medappt/platform';
import type { GraphQLError } from 'graphql';
import { recordTransition } from './appointment-events.ts';
import { policyOfDoctor } from './clinic-policy.ts';
import { offerFreedSlot } from './waitlist.ts';
import { bookingTerms, slotUnavailable, type BookingOutcome } from './booking.ts';
import type { AppointmentsContext } from './context.ts';
import type { AppointmentRow } from './db/schema.ts';
import { decideTransition, type AppointmentAction, type OverriddenRule, type TransitionDecision } from './domain/status-transitions.ts';
import { changedFields } from './domain/history.ts';
import { requireVisibleAppointment } from './views.ts';
import { checkId, checkOptionalId } from './ids.ts';
import { deleteAppointment, insertIfFree, lockAppointment, updateAppointment } from './repository/appointments.ts';
import type { AppointmentsTx } from './repository/db.ts';
import { fulfilWaitlist } from './repository/waitlist.ts';

const EVENT_OF: Record<AppointmentAction, AppointmentEventType> = {
  APPROVE: 'appointment.confirmed',
  DECLINE: 'appointment.declined',
  CANCEL: 'appointment.cancelled',
  RESCHEDULE: 'appointment.rescheduled',
  COMPLETE: 'appointment.completed',
  MARK_NO_SHOW: 'appointment.no_show',
};

/** The override as the rules see it: its reason checked as text; an empty one is the rules' REASON_REQUIRED. */
function checkedOverride(override: { reason: string } | null | undefined): { reason: string } | null {
  return override ? { reason: checkOptionalText('override.reason', override.reason, 'reason') ?? '' } : null;
}

function refusal(decision: Exclude<TransitionDecision, { ok: true }>): GraphQLError {
  switch (decision.code) {
    case 'FORBIDDEN':
      return forbidden(decision.message);
    case 'REASON_REQUIRED':
      return badUserInput('override.reason', decision.message);
    case 'INVALID_TRANSITION':
    case 'TOO_LATE':
    case 'TOO_EARLY':
      return codedError(decision.code, decision.message);
  }
}

const OVERRIDE_NOTE: Record<OverriddenRule, string> = { PATIENT_CUTOFF: 'cutoff overridden', START_TIME: 'completed before the start' };

/** The history's reason: the action's own, then the exception staff made and why. */
function reasonWithOverride(reason: string | null, overridden: OverriddenRule | null, override: { reason: string } | null): string | null {
  return overridden ? `${reason ?? ''} (${OVERRIDE_NOTE[overridden]}: ${override?.reason ?? ''})`.trim() : reason;
}

/** Locks the appointment and decides; throws the refusal as a typed error. */
async function decide(
  ctx: AppointmentsContext,
  tx: AppointmentsTx,
  viewer: Viewer,
  id: string,
  action: AppointmentAction,
  override?: { reason: string } | null,
  /** A reschedule's target doctor. */
  targetDoctorId?: string,
): Promise<{ current: AppointmentRow; next: AppointmentRow['status']; overridden: OverriddenRule | null }> {
  const current = await lockAppointment(tx, id);
  const isOwnPatient = current?.patientId === viewer.userId;
  const isOwnDoctor = current?.doctorId === viewer.userId;
  // Someone with no part in the appointment learns nothing about it, not even that it exists.
  if (!current || (viewer.role !== 'STAFF' && !isOwnPatient && !isOwnDoctor)) throw notFound('Appointment', id);
  const decision = decideTransition({
    status: current.status,
    action,
    actor: { role: viewer.role, isOwnPatient, isOwnDoctor },
    now: ctx.now(),
    startAt: current.startAt,
    policy: { patientCutoffMinutes: (await policyOfDoctor(ctx, current.doctorId, tx)).patientCutoffMinutes },
    override: override ?? null,
    changesDoctor: targetDoctorId !== undefined && targetDoctorId !== current.doctorId,
  });
  if (!decision.ok) throw refusal(decision);
  return { current, next: decision.next, overridden: decision.overridden ? (decision.overriddenRule ?? 'PATIENT_CUTOFF') : null };
}

/** Approve, decline, cancel, complete or mark as no-show: one transaction with its history row and event. */
export async function transition(
  ctx: AppointmentsContext,
  id: string,
  action: Exclude<AppointmentAction, 'RESCHEDULE'>,
  options: { reason?: string | null; override?: { reason: string } | null; /** Where the id was written: `id`, or `ids[2]` in a batch. */ idField?: string } = {},
): Promise<AppointmentRow> {
  const viewer = requireViewer(ctx.auth);
  checkId(options.idField ?? 'id', id);
  await requireVisibleAppointment(ctx, id);
  const reason = checkOptionalText('reason', options.reason, 'reason');
  if ((action === 'DECLINE' || action === 'CANCEL') && !reason) throw badUserInput('reason', 'is required: say why, the other party is told');
  const override = checkedOverride(options.override);
  return ctx.db.transaction(async (tx) => {
    const { current, next, overridden } = await decide(ctx, tx, viewer, id, action, override);
    const updated = await updateAppointment(tx, id, { status: next });
    const why = reasonWithOverride(reason, overridden, override);
    // Billing's late-cancellation fee: a cancel inside the patient cutoff is one staff made as an exception.
    const late = action === 'CANCEL' ? { withinCancellationCutoff: overridden === 'PATIENT_CUTOFF' } : {};
    await recordTransition(tx, { appointment: updated, from: current.status, action, actor: viewer, reason: why, eventType: EVENT_OF[action], ...late });
    if (action === 'CANCEL' || action === 'DECLINE') await offerFreedSlot(tx, current);
    return updated;
  });
}

export interface ApprovalOutcome {
  id: string;
  appointment: AppointmentRow | null;
  error: { code: string; message: string; field: string | null } | null;
}

/**
 * Each approval is its own transaction, and each refusal its own result: one bad id (malformed,
 * unknown, not yours) neither stops nor undoes the others, and is reported as `ids[n]`.
 */
export async function approveEach(ctx: AppointmentsContext, ids: readonly string[]): Promise<ApprovalOutcome[]> {
  requireViewer(ctx.auth);
  const results: ApprovalOutcome[] = [];
  for (const [index, id] of ids.entries()) {
    try {
      results.push({ id, appointment: await transition(ctx, id, 'APPROVE', { idField: `ids[${index}]` }), error: null });
    } catch (error) {
      if (!isExposedError(error)) throw error;
      const e = error as GraphQLError;
      const field = e.extensions['field'];
      results.push({ id, appointment: null, error: { code: String(e.extensions['code']), message: e.message, field: typeof field === 'string' ? field : null } });
    }
  }
  return results;
}

/**
 * Moves an appointment atomically: the new time is claimed first with a placeholder row
 * (INSERT ... ON CONFLICT DO NOTHING, like a booking), then the appointment takes its place in
 * the same transaction. The old time is freed only if the new one was won.
 */
export async function reschedule(
  ctx: AppointmentsContext,
  id: string,
  input: { start: Date; doctorId?: string | null; serviceId?: string | null; reason?: string | null; override?: { reason: string } | null },
): Promise<BookingOutcome> {
  const viewer = requireViewer(ctx.auth);
  checkId('id', id);
  checkOptionalId('doctorId', input.doctorId);
  checkOptionalId('serviceId', input.serviceId);
  const existing = await requireVisibleAppointment(ctx, id);
  const reason = checkOptionalText('reason', input.reason, 'reason');
  const override = checkedOverride(input.override);
  const target = { doctorId: input.doctorId ?? existing.doctorId, serviceId: input.serviceId ?? existing.serviceId, start: input.start };
  // Arguments of the mutation itself: `serviceId`, not `input.serviceId`. A new doctor who does not
  // offer the kept service is the doctor's problem, a new service the service's.
  const terms = await bookingTerms(ctx, target, { doctorId: 'doctorId', serviceId: 'serviceId', start: 'start', offer: input.serviceId ? 'serviceId' : 'doctorId' });

  const moved = await ctx.db.transaction(async (tx) => {
    const { current, next, overridden } = await decide(ctx, tx, viewer, id, 'RESCHEDULE', override, terms.doctor.id);
    const placement = {
      doctorId: terms.doctor.id,
      serviceId: terms.service.id,
      startAt: target.start,
      endAt: terms.end,
      blockedFrom: terms.blocked.start,
      blockedUntil: terms.blocked.end,
      timeZone: terms.availability.timeZone,
    };
    const overlapsItself =
      current.doctorId === placement.doctorId && current.blockedFrom < placement.blockedUntil && placement.blockedFrom < current.blockedUntil;
    if (overlapsItself) {
      // A placeholder would collide with the appointment itself: move it in place, under a savepoint.
      try {
        await tx.transaction((sp) => updateAppointment(sp, id, placement));
      } catch (error) {
        if ((error as { code?: string }).code === '23P01' || (error as { cause?: { code?: string } }).cause?.code === '23P01') return null;
        throw error;
      }
    } else {
      const claim = await insertIfFree(tx, { ...placement, patientId: current.patientId, status: 'REQUESTED', createdBy: viewer.userId });
      if (!claim) return null;
      await deleteAppointment(tx, claim.id);
    }
    const updated = await updateAppointment(tx, id, { ...placement, status: next });
    const why = reasonWithOverride(reason, overridden, override);
    await recordTransition(tx, { appointment: updated, from: current.status, action: 'RESCHEDULE', actor: viewer, reason: why, eventType: 'appointment.rescheduled', previous: current, changes: changedFields(current, updated) });
    await offerFreedSlot(tx, current);
    await fulfilWaitlist(tx, updated);
    return updated;
  });
  if (moved) return { ...moved, __typename: 'Appointment' };
  return slotUnavailable(ctx, target);
}
