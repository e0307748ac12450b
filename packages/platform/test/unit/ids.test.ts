import { describe, expect, it } from 'vitest';
import { isUuid } from '../../src/domain/ids.ts';

describe('isUuid', () => {
  it.each([
    ['0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f60', true],
    ['0B9C3F8E-6A1D-4C2E-9F3A-1B2C3D4E5F60', true],
    ['0b9c3f8e6a1d4c2e9f3a1b2c3d4e5f60', false],
    ['0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f6', false],
    ['', false],
    ["0b9c3f8e-6a1d-4c2e-9f3a-1b2c3d4e5f60' or 1=1", false],
  ])('%j → %j', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
