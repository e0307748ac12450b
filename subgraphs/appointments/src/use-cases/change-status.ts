import {
  badUserInput,
  checkOptionalText,
  codedError,
  forbidden,
  notFound,
  rejectProblems,
  requireViewer,
  type AppointmentEventType,
  type Viewer,
} from '@medappt/platform';
import type { GraphQLError } from 'graphql';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { maySeeAppointment } from '../domain/access.ts';
import { idProblems } from '../domain/ids.ts';
import { decideTransition, type AppointmentAction, type OverriddenRule, type TransitionDecision } from '../domain/status-transitions.ts';
import { offerFreedSlot, recordTransition } from '../events/publishes-appointments.ts';
import { lockAppointment, updateAppointment } from '../repository/appointments.ts';
import type { AppointmentsTx } from '../repository/db.ts';
import { policyOfDoctor } from './clinic-policies.ts';
import { requireVisibleAppointment } from './visible-appointments.ts';

const EVENT_OF: Record<AppointmentAction, AppointmentEventType> = {
  APPROVE: 'appointment.confirmed',
  DECLINE: 'appointment.declined',
  CANCEL: 'appointment.cancelled',
  RESCHEDULE: 'appointment.rescheduled',
  COMPLETE: 'appointment.completed',
  MARK_NO_SHOW: 'appointment.no_show',
};

/** The override as the rules see it: its reason checked as text; an empty one is the rules' REASON_REQUIRED. */
export function checkedOverride(override: { reason: string } | null | undefined): { reason: string } | null {
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
export function reasonWithOverride(reason: string | null, overridden: OverriddenRule | null, override: { reason: string } | null): string | null {
  return overridden ? `${reason ?? ''} (${OVERRIDE_NOTE[overridden]}: ${override?.reason ?? ''})`.trim() : reason;
}

/** Locks the appointment and decides; throws the refusal as a typed error. */
export async function decide(
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
  // Someone with no part in the appointment learns nothing about it, not even that it exists.
  if (!current || !maySeeAppointment(viewer, current)) throw notFound('Appointment', id);
  const isOwnPatient = current.patientId === viewer.userId;
  const isOwnDoctor = current.doctorId === viewer.userId;
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

export type StatusAction = Exclude<AppointmentAction, 'RESCHEDULE'>;

export interface ChangeStatusInput {
  id: string;
  action: StatusAction;
  reason?: string | null;
  override?: { reason: string } | null;
  /** Where the id was written: `id`, or `ids[2]` in a batch. */
  idField?: string;
}

/** Approve, decline, cancel, complete or mark as no-show: one transaction with its history row and event. */
export async function changeStatus(ctx: AppointmentsContext, input: ChangeStatusInput): Promise<AppointmentRow> {
  const { id, action } = input;
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ [input.idField ?? 'id']: id }));
  await requireVisibleAppointment(ctx, id);
  const reason = checkOptionalText('reason', input.reason, 'reason');
  if ((action === 'DECLINE' || action === 'CANCEL') && !reason) throw badUserInput('reason', 'is required: say why, the other party is told');
  const override = checkedOverride(input.override);
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
