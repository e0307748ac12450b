import { describe, expect, it } from 'vitest';
import { doctorAccountProblems } from '../../src/domain/account-rules.ts';

describe('doctorAccountProblems', () => {
  const id = '0b7d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d5e';
  it.each([
    ['an enabled DOCTOR account', { role: 'DOCTOR', disabled: false }, []],
    ['no account', null, [{ field: 'userId', message: `${id} is not an account; create it first with createUser (role DOCTOR)` }]],
    [
      'another role',
      { role: 'PATIENT', disabled: false },
      [{ field: 'userId', message: `${id} is a PATIENT account; only DOCTOR accounts have a doctor profile (an admin may change its role with setUserRole)` }],
    ],
    [
      'a disabled DOCTOR account',
      { role: 'DOCTOR', disabled: true },
      [{ field: 'userId', message: `${id} is a disabled account; an admin may enable it with enableUser` }],
    ],
  ])('%s', (_what, account, problems) => {
    expect(doctorAccountProblems('userId', id, account)).toEqual(problems);
  });
});
