import { forbidden, notFound, rejectProblems, requireViewer, type Viewer } from '@medappt/platform';
import type { AppointmentsContext } from '../context.ts';
import { managesHoursOf } from '../domain/access.ts';
import { idProblems } from '../domain/ids.ts';
import { findDoctor } from '../repository/catalogue.ts';

/** The first step of every change to working hours or time off: the doctor themself or staff, and a doctor we know. */
export async function requireHoursOf(ctx: AppointmentsContext, doctorId: string): Promise<Viewer> {
  const viewer = requireViewer(ctx.auth);
  rejectProblems(idProblems({ doctorId }), 'input');
  if (!managesHoursOf(viewer, doctorId)) throw forbidden('Only the doctor and clinic staff may change these working hours.');
  if (!(await findDoctor(ctx.db, doctorId))) throw notFound('Doctor', doctorId);
  return viewer;
}
