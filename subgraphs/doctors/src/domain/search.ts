import { cleanText } from '@medappt/platform/domain';
import { fail, ok, type Outcome } from './validation.ts';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;

/** The words of a directory search; each must appear somewhere in a doctor's name, specialties or bio. */
export function searchWords(search: string): Outcome<string[]> {
  const text = cleanText(search, 'search', { maxLength: MAX_SEARCH_LENGTH });
  if (!text.ok) return fail(text.message);
  const words = [...new Set(text.value.split(/\s+/).filter(Boolean))];
  if (words.length > MAX_SEARCH_WORDS) return fail(`must have at most ${MAX_SEARCH_WORDS} words`);
  return ok(words);
}

/** A LIKE pattern matching `word` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
