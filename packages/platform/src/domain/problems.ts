/**
 * A bad input as the domain sees it: which field (relative to the input it was given, e.g.
 * `rules[2].end`) and which rule it breaks, in words a form can show. The domain returns these;
 * the use case turns them into one BAD_USER_INPUT with `rejectProblems` (platform errors.ts).
 */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export const problem = (field: string, message: string): Problem => ({ field, message });

/** `rules[2].end` under `input` is `input.rules[2].end`; an empty field is the input itself. */
export function fieldPath(at: string | undefined, field: string): string {
  if (!at) return field;
  if (!field) return at;
  return field.startsWith('[') ? `${at}${field}` : `${at}.${field}`;
}
