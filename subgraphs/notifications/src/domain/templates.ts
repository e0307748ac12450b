import type { NotificationType } from './notification-types.ts';
import { InvoiceNotificationTypes, NotificationTypes } from './notification-types.ts';

/**
 * Message templates: `templates/<locale>/<TYPE>.txt`, a `Subject: ...` line, a blank line, then
 * the plain-text body. `{{name}}` is a placeholder; `{{#name}}...{{/name}}` is kept only when
 * `name` has a value. A section tag alone on its line takes the line with it, so an optional
 * line of the body disappears without leaving a blank one.
 *
 * Placeholders that may be empty (reason, clinicAddress, previousDate/previousTime, invoiceNumber,
 * dueDate) must sit in a section of their own, so that no template can print "Reason: " with
 * nothing after it. A type has its own placeholders: a visit's (date, doctor...) in visit notices,
 * an invoice's (number, amounts) in invoice notices, the feedback window in the invitation. Every
 * template is checked when the service starts (adapters/template-files.ts reads them); any unknown
 * placeholder, one its type has no value for, unbalanced section or missing file stops it, with the
 * list of what is wrong.
 */

/** What a message about a visit says. */
export interface MessageFacts {
  recipientName: string;
  patientName: string;
  doctorName: string;
  serviceName: string;
  clinicName: string;
  clinicAddress: string | null;
  startAt: Date;
  endAt: Date;
  /** The clinic's IANA zone: all times are shown on its wall clock. */
  timeZone: string;
  reason: string | null;
  previousStartAt: Date | null;
  /** The visit is not confirmed (yet, or any more): a move that waits for a doctor's approval. */
  awaitingApproval?: boolean;
  /** FEEDBACK_INVITE: how long the visit may be rated, and until when. */
  feedbackWindow?: { days: number; closesAt: Date };
}

/** What a message about an invoice says: amounts are integer minor units of `currency` (adr/014). */
export interface InvoiceMessageFacts {
  recipientName: string;
  clinicName: string;
  /** Null in events from before billing sent it. */
  invoiceNumber: string | null;
  /** The invoice's gross, or the payment's (a refund's as a positive amount). */
  amountCents: number;
  /** What is still due after it. */
  balanceCents: number;
  currency: string;
  /** A calendar date (YYYY-MM-DD), null when not known. */
  dueDate: string | null;
}

export type AnyMessageFacts = MessageFacts | InvoiceMessageFacts;

export interface RenderedMessage {
  subject: string;
  text: string;
  locale: string;
}

export const supportedLocales: readonly string[] = ['en', 'de'];
const DEFAULT_LOCALE = 'en';

// The locale whose conventions dates are written in: British English gives "Monday, 23 November 2026".
const FORMAT_LOCALES: Record<string, string> = { en: 'en-GB', de: 'de-DE' };

const VISIT_PLACEHOLDERS = [
  'recipientName',
  'patientName',
  'doctorName',
  'serviceName',
  'clinicName',
  'clinicAddress',
  'location',
  'date',
  'time',
  'endTime',
  'timeZone',
  'reason',
  'previousDate',
  'previousTime',
  'awaitingApproval',
] as const;
const FEEDBACK_PLACEHOLDERS = ['feedbackDays', 'feedbackUntil'] as const;
const INVOICE_PLACEHOLDERS = ['recipientName', 'clinicName', 'invoiceNumber', 'amount', 'balance', 'dueDate'] as const;
const PLACEHOLDERS = [...new Set([...VISIT_PLACEHOLDERS, ...FEEDBACK_PLACEHOLDERS, ...INVOICE_PLACEHOLDERS])];
type Placeholder = (typeof VISIT_PLACEHOLDERS | typeof FEEDBACK_PLACEHOLDERS | typeof INVOICE_PLACEHOLDERS)[number];
const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

const isInvoiceType = (type: NotificationType): boolean => (InvoiceNotificationTypes as readonly NotificationType[]).includes(type);

/** The placeholders a type's facts give values to; a visit's by default (a template not yet tied to a type). */
export function placeholdersOf(type?: NotificationType): readonly Placeholder[] {
  if (type && isInvoiceType(type)) return INVOICE_PLACEHOLDERS;
  if (type === 'FEEDBACK_INVITE') return [...VISIT_PLACEHOLDERS, ...FEEDBACK_PLACEHOLDERS];
  return VISIT_PLACEHOLDERS;
}

/** Placeholders that may be empty, and the fact they are empty with (so `{{#previousDate}}` guards `{{previousTime}}`). */
const OPTIONAL_BY: Partial<Record<Placeholder, string>> = {
  clinicAddress: 'clinicAddress',
  reason: 'reason',
  previousDate: 'previousStartAt',
  previousTime: 'previousStartAt',
  awaitingApproval: 'awaitingApproval',
  invoiceNumber: 'invoiceNumber',
  dueDate: 'dueDate',
};

type TemplateNode = string | { value: Placeholder } | { section: Placeholder; body: TemplateNode[] };

export interface CompiledTemplate {
  subject: TemplateNode[];
  body: TemplateNode[];
}

export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`notification templates are broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{\s*([#/]?)\s*([^{}\s]*)\s*\}\}/g;
const STANDALONE_SECTION_TAG = /^[ \t]*(\{\{\s*[#/][^{}]*\}\})[ \t]*\n/gm;

function parse(source: string, file: string, problems: string[], available: readonly Placeholder[]): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: { name: Placeholder | null; body: TemplateNode[] }[] = [{ name: null, body: root }];
  const addText = (text: string) => {
    if (text.includes('{{') || text.includes('}}')) problems.push(`${file}: malformed placeholder near "${text.trim().slice(0, 40)}"`);
    if (text) open[open.length - 1]!.body.push(text);
  };
  let at = 0;
  for (const match of source.matchAll(TAG)) {
    addText(source.slice(at, match.index));
    at = match.index + match[0].length;
    const [tag, kind, name = ''] = match;
    if (!isPlaceholder(name)) {
      problems.push(`${file}: unknown placeholder ${tag} (known: ${PLACEHOLDERS.join(', ')})`);
      continue;
    }
    if (!available.includes(name)) {
      problems.push(`${file}: ${tag} has no value in this type of message (it has: ${available.join(', ')})`);
      continue;
    }
    const current = open[open.length - 1]!;
    if (kind === '#') {
      const section: TemplateNode = { section: name, body: [] };
      current.body.push(section);
      open.push({ name, body: section.body });
    } else if (kind === '/') {
      if (current.name === name) open.pop();
      else problems.push(`${file}: ${tag} closes a section that is not open${current.name ? ` ({{#${current.name}}} is)` : ''}`);
    } else {
      const group = OPTIONAL_BY[name];
      if (group && !open.some((s) => s.name && OPTIONAL_BY[s.name] === group))
        problems.push(`${file}: {{${name}}} may be empty; put it inside {{#${name}}}...{{/${name}}}`);
      current.body.push({ value: name });
    }
  }
  addText(source.slice(at));
  for (const section of open.slice(1)) problems.push(`${file}: {{#${section.name}}} is never closed`);
  return root;
}

/**
 * Parses one template file, of `type` (a visit notice when not given); problems are collected into
 * `problems` (the caller throws them all at once).
 */
export function compileTemplate(source: string, file: string, problems: string[], type?: NotificationType): CompiledTemplate {
  const available = placeholdersOf(type);
  const [first = '', second, ...rest] = source.replace(/\r\n/g, '\n').split('\n');
  if (!first.startsWith('Subject: ') || first.slice(9).trim() === '') problems.push(`${file}: the first line must be "Subject: ..." with a subject`);
  if (second !== '') problems.push(`${file}: the second line must be blank (it separates the subject from the body)`);
  return {
    subject: parse(first.slice(9).trim(), file, problems, available),
    body: parse(rest.join('\n').replace(STANDALONE_SECTION_TAG, '$1'), file, problems, available),
  };
}

/** The template files as read: per locale, its files' text by name (`BOOKING_RECEIVED.txt`); null when the locale has no folder. */
export type TemplateSources = ReadonlyMap<string, ReadonlyMap<string, string> | null>;

/** Compiled templates, keyed `<locale>/<TYPE>`. */
export type Templates = ReadonlyMap<string, CompiledTemplate>;

/** All templates of the supported locales; throws a TemplateError listing every problem. */
export function compileTemplates(sources: TemplateSources): Templates {
  const templates = new Map<string, CompiledTemplate>();
  const problems: string[] = [];
  for (const locale of supportedLocales) {
    const expected = new Set(NotificationTypes.map((type) => `${type}.txt`));
    const folder = sources.get(locale) ?? null;
    if (!folder) problems.push(`${locale}/: missing directory`);
    const files = [...(folder?.keys() ?? [])];
    for (const file of files)
      if (!expected.has(file)) problems.push(`${locale}/${file}: not a notification type (expected one of ${NotificationTypes.join(', ')})`);
    for (const type of NotificationTypes) {
      const file = `${locale}/${type}.txt`;
      const source = folder?.get(`${type}.txt`);
      if (source === undefined) {
        if (files.length > 0) problems.push(`${file}: missing`);
        continue;
      }
      templates.set(file.slice(0, -4), compileTemplate(source, file, problems, type));
    }
  }
  if (problems.length > 0) throw new TemplateError(problems);
  return templates;
}

/** Exact match, else the language part ("de-AT" -> "de"), else English. */
export function resolveLocale(requested: string | null | undefined): string {
  const wanted = requested?.trim() ?? '';
  if (supportedLocales.includes(wanted)) return wanted;
  const language = wanted.split(/[-_]/)[0]!.toLowerCase();
  return supportedLocales.includes(language) ? language : DEFAULT_LOCALE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const moneyFormatters = new Map<string, Intl.NumberFormat>();

/** Minor units in the recipient's conventions: "€1,234.50" in English, "1.234,50 €" in German (the currency's own decimals: none for JPY). */
export function formatMoney(locale: string, amountCents: number, currency: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(FORMAT_LOCALES[locale] ?? locale, { style: 'currency', currency });
    moneyFormatters.set(key, format);
  }
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountCents / 10 ** decimals);
}

/** A calendar date (YYYY-MM-DD) as the long date of the recipient's locale, the same day everywhere. */
function formatCalendarDate(locale: string, day: string): string {
  return formatter(locale, 'UTC', 'date').format(new Date(`${day}T12:00:00Z`));
}

function formatter(locale: string, timeZone: string, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[locale] ?? locale, { timeZone, ...options });
    formatters.set(key, format);
  }
  return format;
}

const NO_VALUES = Object.fromEntries(PLACEHOLDERS.map((name) => [name, null])) as Record<Placeholder, string | null>;

function invoiceValuesOf(locale: string, facts: InvoiceMessageFacts): Record<Placeholder, string | null> {
  return {
    ...NO_VALUES,
    recipientName: facts.recipientName,
    clinicName: facts.clinicName,
    invoiceNumber: facts.invoiceNumber?.trim() || null,
    amount: formatMoney(locale, facts.amountCents, facts.currency),
    balance: formatMoney(locale, facts.balanceCents, facts.currency),
    dueDate: facts.dueDate ? formatCalendarDate(locale, facts.dueDate) : null,
  };
}

function valuesOf(locale: string, given: AnyMessageFacts): Record<Placeholder, string | null> {
  if (!('startAt' in given)) return invoiceValuesOf(locale, given);
  const facts = given;
  const date = (instant: Date) => formatter(locale, facts.timeZone, 'date').format(instant);
  const time = (instant: Date) => formatter(locale, facts.timeZone, 'time').format(instant);
  const address = facts.clinicAddress?.trim() || null;
  const previous = facts.previousStartAt;
  return {
    recipientName: facts.recipientName,
    patientName: facts.patientName,
    doctorName: facts.doctorName,
    serviceName: facts.serviceName,
    clinicName: facts.clinicName,
    clinicAddress: address,
    location: address ? `${facts.clinicName}, ${address}` : facts.clinicName,
    date: date(facts.startAt),
    time: time(facts.startAt),
    endTime: time(facts.endAt),
    timeZone: facts.timeZone,
    reason: facts.reason?.trim() || null,
    previousDate: previous && date(previous),
    previousTime: previous && time(previous),
    awaitingApproval: facts.awaitingApproval ? 'yes' : null,
    feedbackDays: facts.feedbackWindow ? String(facts.feedbackWindow.days) : null,
    feedbackUntil: facts.feedbackWindow ? date(facts.feedbackWindow.closesAt) : null,
    invoiceNumber: null,
    amount: null,
    balance: null,
    dueDate: null,
  };
}

function fill(nodes: readonly TemplateNode[], values: Record<Placeholder, string | null>): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if ('value' in node) return values[node.value] ?? '';
      return values[node.section] ? fill(node.body, values) : '';
    })
    .join('');
}

/** Renders a compiled template; `locale` must be a supported one (it picks the date format). */
export function renderTemplate(template: CompiledTemplate, locale: string, facts: AnyMessageFacts): RenderedMessage {
  const values = valuesOf(locale, facts);
  // A name with a line break must not turn into a second header line of an email.
  const subject = fill(template.subject, values)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  return { subject, text: `${fill(template.body, values).trim()}\n`, locale };
}

/** `locale` may be any preference ("de-AT"); the message is in the closest supported one. */
export function renderMessage(templates: Templates, type: NotificationType, locale: string, facts: AnyMessageFacts): RenderedMessage {
  // The checks at start-up hold only if each type gets its kind of facts.
  const fits = 'startAt' in facts ? !isInvoiceType(type) && (type !== 'FEEDBACK_INVITE' || facts.feedbackWindow !== undefined) : isInvoiceType(type);
  if (!fits) throw new Error(`${type} was given the facts of another kind of message`);
  const resolved = resolveLocale(locale);
  const template = templates.get(`${resolved}/${type}`);
  if (!template) throw new Error(`no template for ${resolved}/${type}`);
  return renderTemplate(template, resolved, facts);
}
