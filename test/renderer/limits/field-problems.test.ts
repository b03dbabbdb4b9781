// The renderer's side of the limit rules: one problem shown beside each field.
import { describe, expect, it } from 'vitest';
import { problemsByField } from '../../../renderer/src/limits/field-problems';

describe('problemsByField', () => {
  it('keeps the first problem of each field', () => {
    expect(
      problemsByField([
        { field: 'cpus', message: 'a' },
        { field: 'cpus', message: 'b' },
        { field: 'pidsLimit', message: 'c' },
      ]),
    ).toEqual({ cpus: 'a', pidsLimit: 'c' });
  });
});
