import { cleanText, fieldPath, problem, type Problem, type TextKind } from '@medappt/platform/domain';

/**
 * Input checking without I/O: a rule turns one raw input value into its stored form or says what is
 * wrong with it, and `checkInput` applies rules to the fields an input carries.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; /** a sub-field, e.g. `currency` of `price` */ at?: string };
export type Rule<In, Out> = (value: In) => Outcome<Out>;
/** The checked values, complete only when there are no problems. */
export interface Checked<T> {
  value: T;
  problems: Problem[];
}

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (message: string, at?: string): Outcome<never> => (at ? { ok: false, message, at } : { ok: false, message });

type RuleIn<R> = R extends Rule<infer I, unknown> ? I : never;
type RuleOut<R> = R extends Rule<never, infer O> ? O : never;
type Rules = Record<string, Rule<never, unknown>>;
export type CheckedFields<R extends Rules> = { -readonly [K in keyof R]?: RuleOut<R[K]> };

/**
 * Applies each rule to its field when the input carries a value; omitted and null fields are left
 * out of the result (for updates they mean "unchanged"). Problems are named relative to the input,
 * in the order of the rules.
 */
export function checkInput<R extends Rules>(input: { readonly [K in keyof R]?: RuleIn<R[K]> | null | undefined }, rules: R): Checked<CheckedFields<R>> {
  const value: CheckedFields<R> = {};
  const problems: Problem[] = [];
  for (const key of Object.keys(rules) as (keyof R & string)[]) {
    const raw = input[key];
    if (raw === null || raw === undefined) continue;
    const outcome = (rules[key] as Rule<unknown, RuleOut<R[typeof key]>>)(raw);
    if (outcome.ok) value[key] = outcome.value;
    else problems.push(...outcomeProblems(key, outcome));
  }
  return { value, problems };
}

/** One rule's outcome as Problems: none when it is fine, else one named `field` (and the outcome's sub-field). */
export function outcomeProblems(field: string, outcome: Outcome<unknown>): Problem[] {
  return outcome.ok ? [] : [problem(fieldPath(field, outcome.at ?? ''), outcome.message)];
}

// Measured after collapsing spaces, as the value is stored.
function withinLength(value: string, maxLength: number): Outcome<string> {
  return value.length > maxLength ? fail(`must be at most ${maxLength} characters`) : ok(value);
}

/** On one line with single spaces, whatever the kind allowed in (an address typed on two lines). */
export function requiredText(maxLength: number, kind: TextKind = 'name'): Rule<string, string> {
  return (raw) => {
    const text = cleanText(raw, kind, { required: true });
    if (!text.ok) return fail(text.message);
    return withinLength(text.value.replace(/\s+/g, ' '), maxLength);
  };
}

/** Empty means "none": it clears the value on update. */
export function optionalText(maxLength: number, kind: TextKind = 'text'): Rule<string, string | null> {
  return (raw) => {
    const text = cleanText(raw, kind, { maxLength });
    if (!text.ok) return fail(text.message);
    return ok(text.value === '' ? null : text.value);
  };
}

/** A single-line code (time zone, currency) checked against the text rules before its own format. */
export function codeProblem(raw: string): string | null {
  const text = cleanText(raw, 'code');
  return text.ok ? null : text.message;
}

/** Trimmed, blanks dropped, duplicates (ignoring case) dropped, order kept. */
export function textList(options: { maxItems: number; maxLength: number; atLeastOne?: boolean }): Rule<readonly string[], string[]> {
  return (raw) => {
    const seen = new Set<string>();
    const values: string[] = [];
    for (const item of raw) {
      const text = cleanText(item, 'name');
      if (!text.ok) return fail(`each entry ${text.message}`);
      const value = text.value.replace(/\s+/g, ' ');
      if (value === '') continue;
      if (value.length > options.maxLength) return fail(`each entry must be at most ${options.maxLength} characters`);
      const key = value.toLocaleLowerCase('en');
      if (seen.has(key)) continue;
      seen.add(key);
      values.push(value);
    }
    if (options.atLeastOne && values.length === 0) return fail('needs at least one entry');
    if (values.length > options.maxItems) return fail(`must have at most ${options.maxItems} entries`);
    return ok(values);
  };
}

export const anyValue = <T>(): Rule<T, T> => ok;

/** For create inputs, whose required fields GraphQL guarantees; a missing one here is a schema/rules mismatch. */
export function withRequired<T extends object, K extends keyof T>(value: T, keys: readonly K[]): T & { [P in K]-?: NonNullable<T[P]> } {
  for (const key of keys) {
    if (value[key] === undefined || value[key] === null) throw new Error(`required input field ${String(key)} is missing`);
  }
  return value as T & { [P in K]-?: NonNullable<T[P]> };
}
