import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotificationTypes } from '../../src/domain/notification-types.ts';
import { SHIPPED_TEMPLATES, loadTemplates, shippedTemplates } from '../../src/adapters/template-files.ts';
import type { NotificationType } from '../../src/domain/notification-types.ts';
import type { MessageFacts } from '../../src/domain/templates.ts';
import { TemplateError, compileTemplate, renderMessage as renderWith, renderTemplate, resolveLocale, supportedLocales } from '../../src/domain/templates.ts';

const renderMessage = (type: NotificationType, locale: string, given: MessageFacts) => renderWith(shippedTemplates(), type, locale, given);

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
};
const bare: MessageFacts = { ...facts, clinicAddress: null, reason: null, previousStartAt: null };

const everyTemplate = supportedLocales.flatMap((locale) => NotificationTypes.map((type) => [locale, type] as const));

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
    ['a standalone section line is kept with a value', 'Subject: S\n\nA\n{{#reason}}\nReason: {{reason}}\n{{/reason}}\nB\n', facts, 'A\nReason: Back pain\nB\n'],
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
    ['crossed sections', 'Subject: S\n\n{{#reason}}{{#clinicAddress}}{{/reason}}{{/clinicAddress}}', 'en/TEST.txt: {{/reason}} closes a section that is not open ({{#clinicAddress}} is)'],
    ['an optional placeholder outside its section', 'Subject: S\n\nReason: {{reason}}', 'en/TEST.txt: {{reason}} may be empty; put it inside {{#reason}}...{{/reason}}'],
    ['an optional placeholder in another section', 'Subject: S\n\n{{#reason}}{{clinicAddress}}{{/reason}}', 'en/TEST.txt: {{clinicAddress}} may be empty'],
    ['malformed braces', 'Subject: S\n\nHi {{recipient name}}', 'en/TEST.txt: malformed placeholder near "Hi {{recipient name}}"'],
  ])('reports %s', (_what, source, problem) => {
    const problems: string[] = [];
    compileTemplate(source, 'en/TEST.txt', problems);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
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
        'en/APPOINTMENT_CONFIMRED.txt: not a notification type (expected one of BOOKING_RECEIVED, APPOINTMENT_REQUEST, APPOINTMENT_CONFIRMED, APPOINTMENT_DECLINED, APPOINTMENT_CANCELLED, APPOINTMENT_RESCHEDULED, APPOINTMENT_REMINDER, WAITLIST_OFFER)',
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
