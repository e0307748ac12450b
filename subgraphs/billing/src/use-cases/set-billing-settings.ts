import { notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { BillingSettingsInput } from '../generated/resolvers-types.ts';
import { applySettingsChange, defaultSettings, type BillingSettings } from '../domain/billing-settings.ts';
import { findClinic } from '../repository/catalogue.ts';
import { findSettings, saveSettings } from '../repository/settings.ts';
import { checkId } from './check-input.ts';

export type ClinicSettings = BillingSettings & { clinicId: string };

/** The clinic's settings, or its defaults; NOT_FOUND while billing does not know the clinic. */
export async function getBillingSettings(ctx: BillingContext, input: { clinicId: string }): Promise<ClinicSettings> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  checkId('clinicId', input.clinicId);
  const clinic = await findClinic(ctx.db, input.clinicId);
  if (!clinic) throw notFound('Clinic', input.clinicId);
  return { clinicId: clinic.id, ...((await findSettings(ctx.db, clinic.id)) ?? defaultSettings(clinic.currency)) };
}

export async function setBillingSettings(ctx: BillingContext, input: BillingSettingsInput): Promise<ClinicSettings> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  checkId('input.clinicId', input.clinicId);
  return ctx.db.transaction(async (tx) => {
    const clinic = await findClinic(tx, input.clinicId);
    if (!clinic) throw notFound('Clinic', input.clinicId);
    const current = (await findSettings(tx, clinic.id)) ?? defaultSettings(clinic.currency);
    const { settings, problems } = applySettingsChange(current, input, clinic.currency);
    rejectProblems(problems, 'input');
    await saveSettings(tx, clinic.id, settings, viewer.userId);
    return { clinicId: clinic.id, ...settings };
  });
}
