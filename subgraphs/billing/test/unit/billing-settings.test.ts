import { describe, expect, it } from 'vitest';
import {
  applySettingsChange,
  clinicDate,
  defaultSettings,
  dueDateOf,
  invoiceNumber,
  settingsAtClinic,
  toStored,
  type SettingsChange,
} from '../../src/domain/billing-settings.ts';

describe('billing settings changes', () => {
  const current = defaultSettings('EUR');
  it.each<[string, SettingsChange, string[]]>([
    ['nothing', {}, []],
    [
      'all valid',
      {
        currency: 'EUR',
        taxRateBasisPoints: 1900,
        paymentTermsDays: 30,
        invoicePrefix: 'MITTE',
        noShowFee: { amountCents: 2500, currency: 'EUR' },
        reviewBeforeIssue: true,
      },
      [],
    ],
    ['another currency', { currency: 'USD' }, ['currency']],
    ['tax over 100 %', { taxRateBasisPoints: 10_001 }, ['taxRateBasisPoints']],
    ['negative tax', { taxRateBasisPoints: -1 }, ['taxRateBasisPoints']],
    ['terms over a year', { paymentTermsDays: 366 }, ['paymentTermsDays']],
    ['prefix with a dash', { invoicePrefix: 'MIT-TE' }, ['invoicePrefix']],
    ['lower-case prefix', { invoicePrefix: 'mitte' }, ['invoicePrefix']],
    ['empty prefix', { invoicePrefix: '' }, ['invoicePrefix']],
    ['fee in another currency', { lateCancellationFee: { amountCents: 100, currency: 'USD' } }, ['lateCancellationFee.currency']],
    ['negative fee', { noShowFee: { amountCents: -5, currency: 'EUR' } }, ['noShowFee.amountCents']],
  ])('%s: problems at %o', (_name, change, fields) => {
    expect(applySettingsChange(current, change, 'EUR').problems.map((p) => p.field)).toEqual(fields);
  });

  it('keeps what the change leaves out', () => {
    const once = applySettingsChange(current, { taxRateBasisPoints: 700, noShowFee: { amountCents: 900, currency: 'EUR' } }, 'EUR').settings;
    expect(applySettingsChange(once, { paymentTermsDays: 7 }, 'EUR').settings).toEqual({
      ...current,
      taxRateBasisPoints: 700,
      noShowFeeCents: 900,
      paymentTermsDays: 7,
    });
  });
});

describe("settings in the clinic's current currency", () => {
  const stored = { ...toStored(defaultSettings('EUR')), taxRateBasisPoints: 1900, noShowFeeCents: 700, lateCancellationFeeCents: 900 };
  it.each([
    ['no settings yet', null, 'USD', { ...defaultSettings('USD') }],
    [
      'fees in the clinic currency count',
      stored,
      'EUR',
      { ...defaultSettings('EUR'), taxRateBasisPoints: 1900, noShowFeeCents: 700, lateCancellationFeeCents: 900 },
    ],
    ['fees in a currency the clinic left count as none', stored, 'USD', { ...defaultSettings('USD'), taxRateBasisPoints: 1900 }],
  ])('%s', (_name, saved, clinicCurrency, settings) => {
    expect(settingsAtClinic(saved, clinicCurrency)).toEqual(settings);
  });

  it("a change is saved in the clinic's currency, not the one the settings had, and a fee in the old one is refused", () => {
    const drifted = { ...defaultSettings('EUR'), noShowFeeCents: 700 };
    expect(applySettingsChange(drifted, { paymentTermsDays: 7 }, 'USD').settings.currency).toBe('USD');
    expect(applySettingsChange(drifted, { noShowFee: { amountCents: 700, currency: 'EUR' } }, 'USD').problems.map((p) => p.field)).toEqual([
      'noShowFee.currency',
    ]);
    expect(toStored(applySettingsChange(settingsAtClinic(toStored(drifted), 'USD'), { paymentTermsDays: 7 }, 'USD').settings)).toMatchObject({
      feeCurrency: 'USD',
      noShowFeeCents: 0,
    });
  });
});

describe('numbers and dates', () => {
  it.each([
    ['MITTE', 2026, 42, 'MITTE-2026-000042'],
    ['INV', 2027, 1, 'INV-2027-000001'],
    ['A1', 2026, 1_234_567, 'A1-2026-1234567'],
  ])('%s, %i, %i → %s', (prefix, year, seq, number) => {
    expect(invoiceNumber(prefix, year, seq)).toBe(number);
  });

  it.each([
    ['2026-01-31', 14, '2026-02-14'],
    ['2026-12-20', 30, '2027-01-19'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', 0, '2026-03-01'],
  ])('issued %s with %i days: due %s', (issued, terms, due) => {
    expect(dueDateOf(issued, terms)).toBe(due);
  });

  it.each([
    ['Europe/Berlin', '2026-12-31T23:30:00.000Z', '2027-01-01'],
    ['America/New_York', '2027-01-01T03:00:00.000Z', '2026-12-31'],
    ['UTC', '2026-06-01T00:00:00.000Z', '2026-06-01'],
  ])('in %s, %s is the day %s', (zone, instant, day) => {
    expect(clinicDate(zone, new Date(instant))).toBe(day);
  });
});
