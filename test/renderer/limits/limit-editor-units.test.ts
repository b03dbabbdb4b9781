// Memory typed in MiB or GiB in the limits editor.
import { describe, expect, it } from 'vitest';
import { fromBytes, preferredUnit, toBytes } from '../../../renderer/src/limits/limit-editor-units';
import { GiB, MiB } from '../../main/shared/limits/limit-sets';

describe('memory units', () => {
  it('converts typed values to whole pages and back', () => {
    expect(toBytes(128, 'MiB')).toBe(128 * MiB);
    expect(toBytes(0.1, 'GiB') % 4096).toBe(0);
    expect(fromBytes(1.5 * GiB, 'GiB')).toBe(1.5);
    expect(fromBytes(1.5 * GiB, 'MiB')).toBe(1536);
    expect(preferredUnit(2 * GiB)).toBe('GiB');
    expect(preferredUnit(null)).toBe('MiB');
  });
});
