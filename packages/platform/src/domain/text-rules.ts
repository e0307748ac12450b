/**
 * Free-text input rules, the same in every subgraph (README "Input rules" lists the kinds).
 * Postgres refuses U+0000 in text, so a NUL that reached a query used to surface as an internal
 * error; other control characters are refused because nothing we show or send (screens, email,
 * SMS, CSV exports, logs) should carry terminal escapes or invisible C1 codes. Single-line kinds
 * also refuse line breaks: a name or an email with CR/LF breaks mail headers and listings.
 */

export interface TextKindRule {
  maxLength: number;
  multiline: boolean;
}

export const TEXT_KINDS = {
  /** People, clinics, services, medications, list entries such as languages. */
  name: { maxLength: 200, multiline: false },
  /** RFC 5321 caps a forward path at 254 characters. */
  email: { maxLength: 254, multiline: false },
  phone: { maxLength: 30, multiline: false },
  search: { maxLength: 200, multiline: false },
  /** Machine-shaped strings: time zones, locales, currencies, idempotency keys, filter values. */
  code: { maxLength: 200, multiline: false },
  /** Why something was requested, declined, cancelled, moved, overridden or blocked. */
  reason: { maxLength: 2000, multiline: true },
  /** Bios, descriptions, addresses, medical-record notes. */
  text: { maxLength: 5000, multiline: true },
} as const satisfies Record<string, TextKindRule>;
export type TextKind = keyof typeof TEXT_KINDS;

export interface TextOptions {
  /** A field's own, stricter limit (e.g. languages 50); never raises the kind's. */
  maxLength?: number;
  /** False where a field is stored as typed today; emptiness is still judged without the spaces. */
  trim?: boolean;
  /** Empty (after trimming) is "is required". */
  required?: boolean;
}

export type TextOutcome = { ok: true; value: string } | { ok: false; message: string };

// C0 and DEL and C1. Tab and LF are text in multi-line kinds; CR never survives (CRLF and lone CR become LF).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// U+2028/U+2029 are line breaks to JavaScript and to many renderers.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function maxLengthOf(kind: TextKind, options: Pick<TextOptions, 'maxLength'> = {}): number {
  return Math.min(TEXT_KINDS[kind].maxLength, options.maxLength ?? Infinity);
}

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The stored form of `raw` (trimmed, line ends as LF), or the rule it breaks in words. Pure. */
export function cleanText(raw: string, kind: TextKind, options: TextOptions = {}): TextOutcome {
  const { multiline } = TEXT_KINDS[kind];
  const max = maxLengthOf(kind, options);
  let value = multiline ? raw.replace(/\r\n?/g, '\n') : raw;
  if (options.trim !== false) value = value.trim();
  if (options.required && value.trim() === '') return { ok: false, message: 'is required' };
  if (value.length > max) return { ok: false, message: `must be at most ${max} characters` };
  if (!multiline && LINE_BREAK.test(value)) return { ok: false, message: 'must be a single line (no line breaks)' };
  const control = (multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).exec(value);
  if (control) return { ok: false, message: `must not contain control characters (found ${codePoint(control[0])})` };
  return { ok: true, value };
}

/** The rule `raw` breaks, or null when it is fine: for validators that collect problems. */
export function textProblem(raw: string | null | undefined, kind: TextKind, options: TextOptions = {}): string | null {
  if (raw === null || raw === undefined) return options.required ? 'is required' : null;
  const outcome = cleanText(raw, kind, options);
  return outcome.ok ? null : outcome.message;
}
