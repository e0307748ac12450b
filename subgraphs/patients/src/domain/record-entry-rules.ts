/** Input rules for the entries of a medical record. Pure: each returns the input's Problems. */

import type { Problem } from '@medappt/platform/domain';
import { dateProblem, optionalText, periodProblem, problemsOf, requiredText } from './profile-rules.ts';

// Entries are stored as the doctor typed them, so they are checked untrimmed.
const asTyped = { trim: false };

export function historyEntryProblems(entry: { note: string; occurredOn?: string | null }, options: { today?: string } = {}): Problem[] {
  return problemsOf([
    ['note', requiredText(entry.note, 5000, 'text', asTyped)],
    ['occurredOn', dateProblem(entry.occurredOn, { notFuture: true, ...options })],
  ]);
}

export function allergyProblems(entry: { substance: string; reaction?: string | null }): Problem[] {
  return problemsOf([
    ['substance', requiredText(entry.substance, 200, 'name', asTyped)],
    ['reaction', optionalText(entry.reaction, 500, 'text', asTyped)],
  ]);
}

export function medicationProblems(entry: { name: string; dose: string; since?: string | null; until?: string | null }): Problem[] {
  return problemsOf([
    ['name', requiredText(entry.name, 200, 'name', asTyped)],
    ['dose', requiredText(entry.dose, 200, 'name', asTyped)],
    ['since', dateProblem(entry.since)],
    ['until', dateProblem(entry.until) ?? periodProblem(entry.since, entry.until)],
  ]);
}
