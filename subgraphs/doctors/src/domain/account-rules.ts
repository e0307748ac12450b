import { problem, type Problem } from '@medappt/platform/domain';

/** Who may have a doctor profile. Pure: the problems of account `id`, named `field`, for the account as this subgraph knows it. */
export function doctorAccountProblems(field: string, id: string, account: { role: string; disabled: boolean } | null): Problem[] {
  const rule = doctorAccountRule(account);
  return rule === null ? [] : [problem(field, `${id} ${rule}`)];
}

function doctorAccountRule(account: { role: string; disabled: boolean } | null): string | null {
  if (!account) return 'is not an account; create it first with createUser (role DOCTOR)';
  if (account.role !== 'DOCTOR')
    return `is a ${account.role} account; only DOCTOR accounts have a doctor profile (an admin may change its role with setUserRole)`;
  if (account.disabled) return 'is a disabled account; an admin may enable it with enableUser';
  return null;
}
