import { problem, wallMsOf, type Problem } from '@medappt/platform/domain';
import { BASIS_POINTS, moneyProblems } from './money.ts';

export interface BillingSettings {
  readonly currency: string;
  readonly taxRateBasisPoints: number;
  readonly paymentTermsDays: number;
  readonly invoicePrefix: string;
  readonly noShowFeeCents: number;
  readonly lateCancellationFeeCents: number;
  readonly reviewBeforeIssue: boolean;
}

/**
 * What billing keeps for a clinic: the settings with the currency their fees were set in (the
 * clinic's at that time). The clinic's currency itself lives in doctors (billing's copy: `clinics`).
 */
export type StoredSettings = Omit<BillingSettings, 'currency'> & { readonly feeCurrency: string };

export const MAX_PAYMENT_TERMS_DAYS = 365;
const PREFIX = /^[A-Z0-9]{1,12}$/;

/** A clinic that never set its billing: no tax, 14 days to pay, issued at once, no fees. */
export const defaultSettings = (clinicCurrency: string): BillingSettings => ({
  currency: clinicCurrency,
  taxRateBasisPoints: 0,
  paymentTermsDays: 14,
  invoicePrefix: 'INV',
  noShowFeeCents: 0,
  lateCancellationFeeCents: 0,
  reviewBeforeIssue: false,
});

/**
 * The settings as they apply now, always in the clinic's current currency. A fee set in another
 * currency (the clinic has changed its currency since) is no fee (0) until staff set it again: 7.00
 * EUR is not 7.00 USD, nor 700 JPY, and billing converts nothing.
 */
export function settingsAtClinic(stored: StoredSettings | null, clinicCurrency: string): BillingSettings {
  if (!stored) return defaultSettings(clinicCurrency);
  const { feeCurrency, ...settings } = stored;
  if (feeCurrency === clinicCurrency) return { ...settings, currency: clinicCurrency };
  return { ...settings, currency: clinicCurrency, noShowFeeCents: 0, lateCancellationFeeCents: 0 };
}

/** What to keep of settings that apply now: their fees are in the clinic's currency of now. */
export function toStored(settings: BillingSettings): StoredSettings {
  const { currency, ...rest } = settings;
  return { ...rest, feeCurrency: currency };
}

export interface SettingsChange {
  readonly currency?: string | null | undefined;
  readonly taxRateBasisPoints?: number | null | undefined;
  readonly paymentTermsDays?: number | null | undefined;
  readonly invoicePrefix?: string | null | undefined;
  readonly noShowFee?: { amountCents: number; currency: string } | null | undefined;
  readonly lateCancellationFee?: { amountCents: number; currency: string } | null | undefined;
  readonly reviewBeforeIssue?: boolean | null | undefined;
}

/**
 * The settings after `change` (absent fields keep their value), or what is wrong with it. The
 * currency is the clinic's current one whatever `current` says (its prices are in it, doctors'
 * rule), so fees are in it too.
 */
export function applySettingsChange(
  current: BillingSettings,
  change: SettingsChange,
  clinicCurrency: string,
): { settings: BillingSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const currency = clinicCurrency;
  if (change.currency != null && change.currency !== clinicCurrency)
    problems.push(problem('currency', `must be ${clinicCurrency}, the clinic's currency: its prices are in it`));
  const taxRateBasisPoints = change.taxRateBasisPoints ?? current.taxRateBasisPoints;
  if (!Number.isInteger(taxRateBasisPoints) || taxRateBasisPoints < 0 || taxRateBasisPoints > BASIS_POINTS) {
    problems.push(problem('taxRateBasisPoints', `must be a whole number of basis points from 0 to ${BASIS_POINTS} (1900 is 19 %)`));
  }
  const paymentTermsDays = change.paymentTermsDays ?? current.paymentTermsDays;
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
    problems.push(problem('paymentTermsDays', `must be a whole number of days from 0 to ${MAX_PAYMENT_TERMS_DAYS}`));
  }
  const invoicePrefix = change.invoicePrefix ?? current.invoicePrefix;
  if (!PREFIX.test(invoicePrefix)) problems.push(problem('invoicePrefix', 'must be 1 to 12 capital letters or digits (e.g. MITTE)'));
  const fee = (field: 'noShowFee' | 'lateCancellationFee', now: number): number => {
    const money = change[field];
    if (money == null) return now;
    problems.push(...moneyProblems(money, { currency: clinicCurrency }).map((p) => problem(`${field}.${p.field}`, p.message)));
    return money.amountCents;
  };
  const noShowFeeCents = fee('noShowFee', current.noShowFeeCents);
  const lateCancellationFeeCents = fee('lateCancellationFee', current.lateCancellationFeeCents);
  const reviewBeforeIssue = change.reviewBeforeIssue ?? current.reviewBeforeIssue;
  return { settings: { currency, taxRateBasisPoints, paymentTermsDays, invoicePrefix, noShowFeeCents, lateCancellationFeeCents, reviewBeforeIssue }, problems };
}

/** The calendar day of an instant at the clinic (`2026-03-01`). */
export const clinicDate = (timeZone: string, at: Date): string => new Date(wallMsOf(timeZone, at.getTime())).toISOString().slice(0, 10);

/** `MITTE-2026-000042`: the prefix, the year of issue at the clinic, and the clinic's count in that year. */
export const invoiceNumber = (prefix: string, year: number, sequence: number): string => `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;

/** The day payment is due: `terms` days after the day of issue. */
export function dueDateOf(issueDate: string, terms: number): string {
  const day = new Date(`${issueDate}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + terms);
  return day.toISOString().slice(0, 10);
}
