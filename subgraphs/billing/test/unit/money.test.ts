import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, invoiceTotals, moneyProblems, taxOf } from '../../src/domain/money.ts';

describe('tax in basis points, half up to the minor unit', () => {
  it.each([
    // net, basis points, tax
    [0, 1900, 0],
    [10_000, 0, 0],
    [10_000, 1900, 1900],
    [5000, 700, 350],
    [1, 5000, 1], // 0.5 → 1
    [1, 4999, 0], // 0.4999 → 0
    [3, 1650, 0], // 0.495 → 0
    [5, 1000, 1], // 0.5 → 1
    [15, 1000, 2], // 1.5 → 2
    [25, 1000, 3], // 2.5 → 3 (half up, not to even)
    [999, 1900, 190], // 189.81 → 190
    [1050, 1900, 200], // 199.5 → 200
    [1_000_000_000, 10_000, 1_000_000_000],
  ])('tax on %i at %i bp is %i', (net, bp, tax) => {
    expect(taxOf(net, bp)).toBe(tax);
  });

  it.each([
    [5, 10, 1],
    [-5, 10, -1],
    [-15, 10, -2],
    [14, 10, 1],
    [-14, 10, -1],
  ])('%i / %i rounds half away from zero to %i', (value, divisor, result) => {
    expect(divideRoundHalfUp(value, divisor)).toBe(result);
  });
});

describe('invoice totals: tax once per line, totals are the sums of the lines', () => {
  it.each([
    { lines: [5000], bp: 1900, net: 5000, tax: 950, gross: 5950 },
    { lines: [1050, 1050], bp: 1900, net: 2100, tax: 400, gross: 2500 }, // per invoice it would be 399
    { lines: [1, 1, 1], bp: 5000, net: 3, tax: 3, gross: 6 },
    { lines: [], bp: 1900, net: 0, tax: 0, gross: 0 },
    { lines: [12_345], bp: 0, net: 12_345, tax: 0, gross: 12_345 },
  ])('$lines at $bp bp: net $net, tax $tax, gross $gross', ({ lines, bp, net, tax, gross }) => {
    const totals = invoiceTotals(
      lines.map((netCents, i) => ({ description: `line ${i}`, netCents })),
      bp,
    );
    expect([totals.netCents, totals.taxCents, totals.grossCents]).toEqual([net, tax, gross]);
    expect(totals.lines.reduce((s, l) => s + l.taxCents, 0)).toBe(tax);
  });
});

describe('money as input', () => {
  it.each([
    [{ amountCents: 100, currency: 'EUR' }, {}, []],
    [{ amountCents: 0, currency: 'EUR' }, {}, []],
    [{ amountCents: 0, currency: 'EUR' }, { allowZero: false }, ['amountCents']],
    [{ amountCents: -1, currency: 'EUR' }, {}, ['amountCents']],
    [{ amountCents: -1, currency: 'EUR' }, { allowNegative: true }, []],
    [{ amountCents: 1.5, currency: 'EUR' }, {}, ['amountCents']],
    [{ amountCents: 2_000_000_000, currency: 'EUR' }, {}, ['amountCents']],
    [{ amountCents: 100, currency: 'USD' }, {}, ['currency']],
  ])('%o with %o: problems at %o', (money, rules, fields) => {
    expect(moneyProblems(money, { currency: 'EUR', ...rules }).map((p) => p.field)).toEqual(fields);
  });
});
