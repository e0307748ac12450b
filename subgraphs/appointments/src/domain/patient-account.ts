/** Whom an appointment may be booked for. Pure: the problem in words, or null. */
export function patientAccountProblem(account: { role: string; disabled: boolean }): string | null {
  if (account.role !== 'PATIENT') return `is a ${account.role} account; appointments are booked for PATIENT accounts only`;
  if (account.disabled) return 'is a disabled account; an admin may enable it with enableUser';
  return null;
}
