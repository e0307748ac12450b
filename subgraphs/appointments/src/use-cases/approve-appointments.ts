import { isExposedError, requireViewer } from '@medappt/platform';
import type { GraphQLError } from 'graphql';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { changeStatus } from './change-status.ts';

export interface ApprovalOutcome {
  id: string;
  appointment: AppointmentRow | null;
  error: { code: string; message: string; field: string | null } | null;
}

/**
 * Each approval is its own transaction, and each refusal its own result: one bad id (malformed,
 * unknown, not yours) neither stops nor undoes the others, and is reported as `ids[n]`.
 */
export async function approveAppointments(ctx: AppointmentsContext, input: { ids: readonly string[] }): Promise<ApprovalOutcome[]> {
  requireViewer(ctx.auth);
  const results: ApprovalOutcome[] = [];
  for (const [index, id] of input.ids.entries()) {
    try {
      results.push({ id, appointment: await changeStatus(ctx, { id, action: 'APPROVE', idField: `ids[${index}]` }), error: null });
    } catch (error) {
      if (!isExposedError(error)) throw error;
      const e = error as GraphQLError;
      const field = e.extensions['field'];
      results.push({
        id,
        appointment: null,
        error: { code: String(e.extensions['code']), message: e.message, field: typeof field === 'string' ? field : null },
      });
    }
  }
  return results;
}
