import { badUserInput } from './errors.ts';
import { cleanText, type TextKind, type TextOptions } from './domain/text-rules.ts';

/** The stored form of a required text, or BAD_USER_INPUT naming `field`. */
export function checkText(field: string, raw: string, kind: TextKind, options: Omit<TextOptions, 'required'> = {}): string {
  const outcome = cleanText(raw, kind, { ...options, required: true });
  if (!outcome.ok) throw badUserInput(field, outcome.message);
  return outcome.value;
}

/** Like checkText, but absent or empty is null ("none"). */
export function checkOptionalText(field: string, raw: string | null | undefined, kind: TextKind, options: Omit<TextOptions, 'required'> = {}): string | null {
  if (raw === null || raw === undefined) return null;
  const outcome = cleanText(raw, kind, options);
  if (!outcome.ok) throw badUserInput(field, outcome.message);
  return outcome.value === '' ? null : outcome.value;
}
