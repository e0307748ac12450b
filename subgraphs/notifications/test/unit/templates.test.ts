import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvoiceNotificationTypes, NotificationTypes } from '../../src/domain/notification-types.ts';
import { SHIPPED_TEMPLATES, loadTemplates, shippedTemplates } from '../../src/adapters/template-files.ts';
import type { NotificationType } from '../../src/domain/notification-types.ts';
import type { AnyMessageFacts, InvoiceMessageFacts, MessageFacts } from '../../src/domain/templates.ts';
import {
  TemplateError,
  compileTemplate,
  formatMoney,
  renderMessage as renderWith,
  renderTemplate,
  resolveLocale,
  supportedLocales,
} from '../../src/domain/templates.ts';

const renderMessage = (type: NotificationType, locale: string, given: AnyMessageFacts) => renderWith(shippedTemplates(), type, locale, given);

// Monday 23 November 2026, 09:00-09:30 in Berlin (UTC+1); moved from Friday 14:30.
const facts: MessageFacts = {
  recipientName: 'Anna Weber',
  patientName: 'Anna Weber',
  doctorName: 'Dr. Jonas Berg',
  serviceName: 'Check-up',
  clinicName: 'Praxis Mitte',
  clinicAddress: 'Torstraße 1, 10119 Berlin',
  startAt: new Date('2026-11-23T08:00:00Z'),
  endAt: new Date('2026-11-23T08:30:00Z'),
  timeZone: 'Europe/Berlin',
  reason: 'Back pain',
  previousStartAt: new Date('2026-11-20T13:30:00Z'),
  // Only the invitation to rate the visit names it; the other visit notices leave it out.
  feedbackWindow: { days: 30, closesAt: new Date('2026-12-23T08:30:00Z') },
};
const bare: MessageFacts = { ...facts, clinicAddress: null, reason: null, previousStartAt: null };

const invoiceTypes: readonly NotificationType[] = InvoiceNotificationTypes;
const visitTypes = NotificationTypes.filter((type) => !invoiceTypes.includes(type));
const everyTemplate = supportedLocales.flatMap((locale) => visitTypes.map((type) => [locale, type] as const));

describe('a move that waits for the doctor', () => {
  it.each([
    ['en', 'It is not confirmed yet: Dr. Jonas Berg will review it'],
    ['de', 'Der Termin ist noch nicht bestätigt: Dr. Jonas Berg prüft ihn'],
  ])('%s: the patient is told it is not confirmed yet', (locale, line) => {
    const { text } = renderMessage('APPOINTMENT_RESCHEDULED', locale, { ...facts, awaitingApproval: true });
    expect(text).toContain(line);
    expect(text).not.toMatch(/\n\n\n|[ \t]\n/);
  });
});

describe('renderMessage', () => {
  it.each(everyTemplate)('%s/%s renders with every fact and with the optional ones missing', (locale, type) => {
    for (const given of [facts, bare]) {
      const message = renderMessage(type, locale, given);
      expect(message.locale).toBe(locale);
      expect(message.subject).not.toMatch(/\{\{|\}\}|\n|undefined|null/);
      expect(message.subject.length).toBeGreaterThan(10);
      expect(message.text).not.toMatch(/\{\{|\}\}|undefined|null|\n\n\n|[ \t]\n/);
      expect(message.text).toContain('09:00');
      expect(message.text).toContain(given.recipientName);
    }
    const withReason = renderMessage(type, locale, facts).text;
    const withoutReason = renderMessage(type, locale, bare).text;
    expect(withoutReason).not.toMatch(/Reason|Grund|Anlass/);
    if (withReason.includes('Back pain')) expect(withReason).toMatch(/(Reason|Grund|Anlass)[^:\n]*: Back pain\n/);
  });

  it.each([
    ['en', ['Check-up', 'Monday, 23 November 2026', '09:00', 'Praxis Mitte, Torstraße 1, 10119 Berlin', 'Dr. Jonas Berg']],
    ['de', ['Check-up', 'Montag, 23. November 2026', '09:00', 'Praxis Mitte, Torstraße 1, 10119 Berlin', 'Dr. Jonas Berg']],
  ] as const)('a %s confirmation names service, date, local time, location and doctor', (locale, parts) => {
    const { text } = renderMessage('APPOINTMENT_CONFIRMED', locale, facts);
    for (const part of parts) expect(text).toContain(part);
  });

  it.each([
    ['en', 'Moved: Check-up is now on Monday, 23 November 2026 at 09:00', 'moved from Friday, 20 November 2026 at 14:30 to a new time'],
    ['de', 'Verschoben: Check-up jetzt am Montag, 23. November 2026 um 09:00 Uhr', 'vom Freitag, 20. November 2026, 14:30 Uhr, auf einen neuen Zeitpunkt'],
  ])('%s: a rescheduled visit names the old and new time', (locale, subject, moved) => {
    const message = renderMessage('APPOINTMENT_RESCHEDULED', locale, facts);
    expect(message.subject).toBe(subject);
    expect(message.text).toContain(moved);
    expect(renderMessage('APPOINTMENT_RESCHEDULED', locale, bare).text).not.toMatch(/Friday|Freitag|14:30/);
    expect(message.text).not.toMatch(/not confirmed|nicht bestätigt/);
  });

  it.each([
    ['Europe/Berlin', '2026-06-01T07:00:00Z', '09:00–09:30 (Europe/Berlin)', 'Monday, 1 June 2026'],
    ['America/New_York', '2026-06-01T13:00:00Z', '09:00–09:30 (America/New_York)', 'Monday, 1 June 2026'],
    ['Pacific/Auckland', '2026-05-31T21:00:00Z', '09:00–09:30 (Pacific/Auckland)', 'Monday, 1 June 2026'],
    ['Europe/Berlin', '2026-06-01T12:15:00Z', '14:15–14:45 (Europe/Berlin)', 'Monday, 1 June 2026'],
    ['Europe/Berlin', '2026-06-01T21:45:00Z', '23:45–00:15 (Europe/Berlin)', 'Monday, 1 June 2026'],
  ])('times are on the clinic clock in %s (%s)', (timeZone, start, time, date) => {
    const startAt = new Date(start);
    const { text } = renderMessage('APPOINTMENT_REMINDER', 'en', { ...facts, timeZone, startAt, endAt: new Date(startAt.getTime() + 30 * 60_000) });
    expect(text).toContain(`Time: ${time}`);
    expect(text).toContain(`Date: ${date}`);
  });

  it('shows the clinic name alone when it has no address', () => {
    expect(renderMessage('APPOINTMENT_CONFIRMED', 'en', bare).text).toContain('Location: Praxis Mitte\n');
  });

  it('keeps the subject on one line whatever the names contain', () => {
    expect(renderMessage('APPOINTMENT_CONFIRMED', 'en', { ...facts, serviceName: 'Check-up\r\nBcc: x@example.com' }).subject).toBe(
      'Confirmed: Check-up Bcc: x@example.com on Monday, 23 November 2026 at 09:00',
    );
  });

  it('does not read placeholders inside the facts', () => {
    expect(renderMessage('APPOINTMENT_DECLINED', 'en', { ...facts, reason: '{{doctorName}}' }).text).toContain('Reason: {{doctorName}}\n');
  });
});

// An invoice of 1,234.50 EUR with 600.00 still due by Monday 21 December 2026.
const invoice: InvoiceMessageFacts = {
  recipientName: 'Anna Weber',
  clinicName: 'Praxis Mitte',
  invoiceNumber: 'MITTE-2026-000042',
  amountCents: 123_450,
  balanceCents: 60_000,
  currency: 'EUR',
  dueDate: '2026-12-21',
};
const bareInvoice: InvoiceMessageFacts = { ...invoice, invoiceNumber: null, dueDate: null };
const everyInvoiceTemplate = supportedLocales.flatMap((locale) => InvoiceNotificationTypes.map((type) => [locale, type] as const));
const nbsp = '\u00a0';

describe('invoice notices', () => {
  it.each(everyInvoiceTemplate)('%s/%s renders with every fact and without the number and due date', (locale, type) => {
    for (const given of [invoice, bareInvoice]) {
      const message = renderMessage(type, locale, given);
      expect(message.locale).toBe(locale);
      expect(message.subject).not.toMatch(/\{\{|\}\}|\n|undefined|null|NaN|[:\s]$/);
      expect(message.text).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\n\n\n|[ \t]\n|: \n/);
      expect(message.text).toContain(given.recipientName);
      expect(message.text).toContain('Praxis Mitte');
    }
    expect(`${renderMessage(type, locale, invoice).subject}\n${renderMessage(type, locale, invoice).text}`).toContain('MITTE-2026-000042');
    const without = renderMessage(type, locale, bareInvoice);
    expect(without.text).not.toMatch(/Invoice number|Rechnungsnummer|pay by|Zahlbar bis|December|Dezember/);
  });

  it.each([
    [
      'en',
      'INVOICE_ISSUED',
      'Your invoice from Praxis Mitte: MITTE-2026-000042',
      ['Invoice number: MITTE-2026-000042\n', 'Amount due: €1,234.50\n', 'Please pay by: Monday, 21 December 2026\n'],
    ],
    [
      'de',
      'INVOICE_ISSUED',
      'Ihre Rechnung von Praxis Mitte: MITTE-2026-000042',
      ['Rechnungsnummer: MITTE-2026-000042\n', `Fälliger Betrag: 1.234,50${nbsp}€\n`, 'Zahlbar bis: Montag, 21. Dezember 2026\n'],
    ],
    [
      'en',
      'PAYMENT_RECORDED',
      'Payment received: €1,234.50 for invoice MITTE-2026-000042',
      ['Paid: €1,234.50\n', 'Still due: €600.00\n', 'Please pay by: Monday, 21 December 2026\n'],
    ],
    [
      'de',
      'PAYMENT_RECORDED',
      `Zahlung eingegangen: 1.234,50${nbsp}€ für Rechnung MITTE-2026-000042`,
      [`Gezahlt: 1.234,50${nbsp}€\n`, `Noch offen: 600,00${nbsp}€\n`, 'Zahlbar bis: Montag, 21. Dezember 2026\n'],
    ],
    [
      'en',
      'PAYMENT_REFUNDED',
      'Refund: €1,234.50 on invoice MITTE-2026-000042',
      ['a refund of €1,234.50 on invoice MITTE-2026-000042.', 'Open on the invoice now: €600.00\n'],
    ],
    [
      'de',
      'PAYMENT_REFUNDED',
      `Erstattung: 1.234,50${nbsp}€ zur Rechnung MITTE-2026-000042`,
      [`eine Erstattung von 1.234,50${nbsp}€ zur Rechnung MITTE-2026-000042 verbucht.`, `Jetzt noch offen: 600,00${nbsp}€\n`],
    ],
    ['en', 'INVOICE_PAID', 'Paid in full: invoice MITTE-2026-000042', ['a payment of €1,234.50, and the invoice MITTE-2026-000042 is now paid in full.']],
    [
      'de',
      'INVOICE_PAID',
      'Vollständig bezahlt: Rechnung MITTE-2026-000042',
      [`eine Zahlung von 1.234,50${nbsp}€ verbucht, damit ist die Rechnung MITTE-2026-000042 vollständig bezahlt.`],
    ],
    [
      'en',
      'INVOICE_VOIDED',
      'Invoice cancelled: MITTE-2026-000042',
      ['The invoice MITTE-2026-000042 of €1,234.50 has been cancelled: you do not need to pay it.'],
    ],
    [
      'de',
      'INVOICE_VOIDED',
      'Rechnung storniert: MITTE-2026-000042',
      [`die Rechnung MITTE-2026-000042 über 1.234,50${nbsp}€ wurde storniert: Sie müssen sie nicht bezahlen.`],
    ],
  ] as const)("%s %s: number, amounts and due date in the reader's conventions", (locale, type, subject, lines) => {
    const message = renderMessage(type, locale, invoice);
    expect(message.subject).toBe(subject);
    for (const line of lines) expect(message.text).toContain(line);
  });

  it.each([
    ['en', 'Thank you: we have recorded a payment of €1,234.50.', 'Invoice cancelled'],
    ['de', `vielen Dank: Wir haben eine Zahlung von 1.234,50${nbsp}€ verbucht.`, 'Rechnung storniert'],
  ])('%s: an older event without a number still reads as a sentence', (locale, paid, voided) => {
    expect(renderMessage('PAYMENT_RECORDED', locale, bareInvoice).text).toContain(paid);
    expect(renderMessage('INVOICE_VOIDED', locale, bareInvoice).subject).toBe(voided);
  });

  it("is refused the facts of a visit, as a visit notice is refused an invoice's", () => {
    expect(() => renderMessage('INVOICE_ISSUED', 'en', facts)).toThrow('INVOICE_ISSUED was given the facts of another kind of message');
    expect(() => renderMessage('APPOINTMENT_CONFIRMED', 'en', invoice)).toThrow('APPOINTMENT_CONFIRMED was given the facts of another kind of message');
    expect(() => renderMessage('FEEDBACK_INVITE', 'en', { ...facts, feedbackWindow: undefined })).toThrow(
      'FEEDBACK_INVITE was given the facts of another kind of message',
    );
  });
});

describe('formatMoney', () => {
  it.each([
    ['en', 123_450, 'EUR', '€1,234.50'],
    ['de', 123_450, 'EUR', `1.234,50${nbsp}€`],
    ['en', 0, 'EUR', '€0.00'],
    ['en', 1_234, 'USD', 'US$12.34'],
    ['de', 5_000, 'CHF', `50,00${nbsp}CHF`],
    // Yen have no minor unit: 1500 minor units are 1,500 yen.
    ['en', 1_500, 'JPY', 'JP¥1,500'],
    ['de', 1_500, 'JPY', `1.500${nbsp}¥`],
  ])('%s %s %s → %s', (locale, amountCents, currency, shown) => {
    expect(formatMoney(locale, amountCents, currency)).toBe(shown);
  });
});

describe('the invitation to rate a visit', () => {
  it.each([
    ['en', 'How was your visit on Monday, 23 November 2026?', 'you can rate it in the app within 30 days (until Wednesday, 23 December 2026)'],
    [
      'de',
      'Wie war Ihr Termin am Montag, 23. November 2026?',
      'Sie können den Termin innerhalb von 30 Tagen (bis Mittwoch, 23. Dezember 2026) in der App bewerten',
    ],
  ])('%s: names the visit and how long it may be rated', (locale, subject, line) => {
    const message = renderMessage('FEEDBACK_INVITE', locale, facts);
    expect(message.subject).toBe(subject);
    expect(message.text).toContain(line);
    expect(message.text).toContain('Dr. Jonas Berg');
    expect(message.text).not.toContain('Back pain');
  });
});

describe('resolveLocale', () => {
  it.each([
    ['en', 'en'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['DE', 'de'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['fr-CA', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%s -> %s', (requested, locale) => {
    expect(resolveLocale(requested)).toBe(locale);
  });
});

describe('compileTemplate', () => {
  const render = (source: string, given: MessageFacts = facts) => {
    const problems: string[] = [];
    const template = compileTemplate(source, 'en/TEST.txt', problems);
    expect(problems).toEqual([]);
    return renderTemplate(template, 'en', given);
  };

  it.each([
    ['a standalone section line disappears', 'Subject: S\n\nA\n{{#reason}}\nReason: {{reason}}\n{{/reason}}\nB\n', bare, 'A\nB\n'],
    [
      'a standalone section line is kept with a value',
      'Subject: S\n\nA\n{{#reason}}\nReason: {{reason}}\n{{/reason}}\nB\n',
      facts,
      'A\nReason: Back pain\nB\n',
    ],
    ['an inline section', 'Subject: S\n\nMoved{{#previousDate}} from {{previousDate}}{{/previousDate}}.', bare, 'Moved.\n'],
    ['a blank reason counts as none', 'Subject: S\n\nA{{#reason}} ({{reason}}){{/reason}}', { ...facts, reason: '   ' }, 'A\n'],
    ['one optional fact guards its partner', 'Subject: S\n\n{{#previousDate}}{{previousTime}}{{/previousDate}}', facts, '14:30\n'],
    ['spaces inside the braces', 'Subject: S\n\n{{ doctorName }}', facts, 'Dr. Jonas Berg\n'],
    ['Windows line ends', 'Subject: S {{time}}\r\n\r\nHello {{recipientName}}\r\n', facts, 'Hello Anna Weber\n'],
  ])('%s', (_what, source, given, text) => {
    expect(render(source, given).text).toBe(text);
  });

  it.each([
    ['an unknown placeholder', 'Subject: S\n\nHi {{firstName}}', 'en/TEST.txt: unknown placeholder {{firstName}}'],
    ['an unknown placeholder in the subject', 'Subject: {{when}}\n\nHi', 'en/TEST.txt: unknown placeholder {{when}}'],
    ['an unknown section', 'Subject: S\n\n{{#note}}x{{/note}}', 'en/TEST.txt: unknown placeholder {{#note}}'],
    ['no subject line', 'Hello\n\nBody', 'en/TEST.txt: the first line must be "Subject: ..." with a subject'],
    ['an empty subject', 'Subject: \n\nBody', 'en/TEST.txt: the first line must be "Subject: ..." with a subject'],
    ['no blank line after the subject', 'Subject: S\nBody', 'en/TEST.txt: the second line must be blank (it separates the subject from the body)'],
    ['an unclosed section', 'Subject: S\n\n{{#reason}}{{reason}}', 'en/TEST.txt: {{#reason}} is never closed'],
    ['a stray section end', 'Subject: S\n\nx{{/reason}}', 'en/TEST.txt: {{/reason}} closes a section that is not open'],
    [
      'crossed sections',
      'Subject: S\n\n{{#reason}}{{#clinicAddress}}{{/reason}}{{/clinicAddress}}',
      'en/TEST.txt: {{/reason}} closes a section that is not open ({{#clinicAddress}} is)',
    ],
    [
      'an optional placeholder outside its section',
      'Subject: S\n\nReason: {{reason}}',
      'en/TEST.txt: {{reason}} may be empty; put it inside {{#reason}}...{{/reason}}',
    ],
    ['an optional placeholder in another section', 'Subject: S\n\n{{#reason}}{{clinicAddress}}{{/reason}}', 'en/TEST.txt: {{clinicAddress}} may be empty'],
    ['malformed braces', 'Subject: S\n\nHi {{recipient name}}', 'en/TEST.txt: malformed placeholder near "Hi {{recipient name}}"'],
    ['an invoice placeholder in a visit notice', 'Subject: S\n\nPay {{amount}}', 'en/TEST.txt: {{amount}} has no value in this type of message'],
    [
      'the feedback window in a visit notice',
      'Subject: S\n\nRate within {{feedbackDays}} days',
      'en/TEST.txt: {{feedbackDays}} has no value in this type of message',
    ],
  ])('reports %s', (_what, source, problem) => {
    const problems: string[] = [];
    compileTemplate(source, 'en/TEST.txt', problems);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  it.each<[string, NotificationType, string, string]>([
    [
      'a visit placeholder in an invoice notice',
      'INVOICE_ISSUED',
      'Subject: S\n\nYour visit on {{date}}',
      'en/TEST.txt: {{date}} has no value in this type of message (it has: recipientName, clinicName, invoiceNumber, amount, balance, dueDate)',
    ],
    [
      'the number outside its section',
      'PAYMENT_RECORDED',
      'Subject: S\n\nInvoice {{invoiceNumber}}',
      'en/TEST.txt: {{invoiceNumber}} may be empty; put it inside {{#invoiceNumber}}...{{/invoiceNumber}}',
    ],
    [
      'the due date outside its section',
      'INVOICE_ISSUED',
      'Subject: S\n\nDue {{dueDate}}',
      'en/TEST.txt: {{dueDate}} may be empty; put it inside {{#dueDate}}...{{/dueDate}}',
    ],
  ])('reports %s (%s)', (_what, type, source, problem) => {
    const problems: string[] = [];
    compileTemplate(source, 'en/TEST.txt', problems, type);
    expect(problems).toEqual([problem]);
  });

  it.each<[NotificationType, string]>([
    ['INVOICE_PAID', 'Subject: {{amount}}\n\n{{recipientName}}: {{balance}}{{#invoiceNumber}} ({{invoiceNumber}}){{/invoiceNumber}}'],
    ['FEEDBACK_INVITE', 'Subject: {{date}}\n\nWithin {{feedbackDays}} days, until {{feedbackUntil}}'],
  ])('accepts the placeholders of %s', (type, source) => {
    const problems: string[] = [];
    compileTemplate(source, 'en/TEST.txt', problems, type);
    expect(problems).toEqual([]);
  });
});

describe('loadTemplates', () => {
  it('fails listing every broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    try {
      for (const locale of supportedLocales) {
        mkdirSync(join(dir, locale));
        for (const type of NotificationTypes) writeFileSync(join(dir, locale, `${type}.txt`), 'Subject: S\n\nHello {{recipientName}}\n');
      }
      writeFileSync(join(dir, 'de', 'APPOINTMENT_REMINDER.txt'), 'Subject: S\n\nHallo {{vorname}}\n');
      rmSync(join(dir, 'en', 'BOOKING_RECEIVED.txt'));
      writeFileSync(join(dir, 'en', 'APPOINTMENT_CONFIMRED.txt'), 'Subject: S\n\nx\n');

      let error: unknown;
      try {
        loadTemplates(pathToFileURL(`${dir}/`));
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).problems).toEqual([
        `en/APPOINTMENT_CONFIMRED.txt: not a notification type (expected one of ${NotificationTypes.join(', ')})`,
        'en/BOOKING_RECEIVED.txt: missing',
        expect.stringMatching(/^de\/APPOINTMENT_REMINDER.txt: unknown placeholder \{\{vorname\}\}/),
      ]);
      expect((error as Error).message).toContain('de/APPOINTMENT_REMINDER.txt: unknown placeholder {{vorname}}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the shipped templates', () => {
    expect(loadTemplates(SHIPPED_TEMPLATES).size).toBe(supportedLocales.length * NotificationTypes.length);
  });
});
