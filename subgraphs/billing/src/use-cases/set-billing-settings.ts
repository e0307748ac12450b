import { notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { BillingSettingsInput } from '../generated/resolvers-types.ts';
import { applySettingsChange, defaultSettings, settingsAtClinic, toStored, type BillingSettings } from '../domain/billing-settings.ts';
import { findClinic } from '../repository/catalogue.ts';
import { findSettings, lockSettings, saveSettings } from '../repository/settings.ts';
import { checkId } from './check-input.ts';

export type ClinicSettings = BillingSettings & { clinicId: string };

/** The clinic's settings, or its defaults, in its current currency; NOT_FOUND while billing does not know the clinic. */
export async function getBillingSettings(ctx: BillingContext, input: { clinicId: string }): Promise<ClinicSettings> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  checkId('clinicId', input.clinicId);
  const clinic = await findClinic(ctx.db, input.clinicId);
  if (!clinic) throw notFound('Clinic', input.clinicId);
  return { clinicId: clinic.id, ...settingsAtClinic(await findSettings(ctx.db, clinic.id), clinic.currency) };
}

export async function setBillingSettings(ctx: BillingContext, input: BillingSettingsInput): Promise<ClinicSettings> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  checkId('input.clinicId', input.clinicId);
  return ctx.db.transaction(async (tx) => {
    const clinic = await findClinic(tx, input.clinicId);
    if (!clinic) throw notFound('Clinic', input.clinicId);
    const stored = await lockSettings(tx, clinic.id, toStored(defaultSettings(clinic.currency)), viewer.userId);
    const current = settingsAtClinic(stored, clinic.currency);
    const { settings, problems } = applySettingsChange(current, input, clinic.currency);
    rejectProblems(problems, 'input');
    await saveSettings(tx, clinic.id, toStored(settings), viewer.userId);
    return { clinicId: clinic.id, ...settings };
  });
}
