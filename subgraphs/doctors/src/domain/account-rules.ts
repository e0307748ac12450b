/** Who may have a doctor profile. Pure: the problem in words, or null. */
export function doctorAccountProblem(account: { role: string; disabled: boolean } | null): string | null {
  if (!account) return 'is not an account; create it first with createUser (role DOCTOR)';
  if (account.role !== 'DOCTOR') return `is a ${account.role} account; only DOCTOR accounts have a doctor profile (an admin may change its role with setUserRole)`;
  if (account.disabled) return 'is a disabled account; an admin may enable it with enableUser';
  return null;
}
