// .wslconfig's autoMemoryReclaim as WSL reads it, and what Berth says when it keeps memory from Windows.
import { describe, expect, it } from 'vitest';
import { autoMemoryReclaimOf, reclaimAdvice } from '../../../../../../main/core/engines/vm/backend/wsl-config-file';

describe('autoMemoryReclaimOf', () => {
  it('takes the documented default (dropCache) when there is no file, no key or an unknown value', () => {
    expect(autoMemoryReclaimOf(null)).toBe('dropCache');
    expect(autoMemoryReclaimOf('[wsl2]\nmemory=4GB\n')).toBe('dropCache');
    expect(autoMemoryReclaimOf('[experimental]\nautoMemoryReclaim=sometimes\n')).toBe('dropCache');
  });

  it('reads the key in [experimental] only, case-insensitively, with comments, the last value winning', () => {
    const text = [
      '[wsl2]',
      'autoMemoryReclaim=disabled',
      '[Experimental]',
      '# gradual | dropcache | disabled',
      'AutoMemoryReclaim = gradual   # slowly',
      'sparseVhd=true',
    ].join('\r\n');
    expect(autoMemoryReclaimOf(text)).toBe('gradual');
    expect(autoMemoryReclaimOf(`${text}\r\nautomemoryreclaim=Disabled\r\n`)).toBe('disabled');
  });
});

describe('reclaimAdvice', () => {
  it('says what to change only when memory is kept', () => {
    expect(reclaimAdvice('dropCache', 'C:\\Users\\me\\.wslconfig')).toBeNull();
    expect(reclaimAdvice('gradual', 'C:\\Users\\me\\.wslconfig')).toBeNull();
    expect(reclaimAdvice('disabled', 'C:\\Users\\me\\.wslconfig')).toMatch(
      /C:\\Users\\me\\.wslconfig sets autoMemoryReclaim=disabled.*gradual.*wsl --shutdown/,
    );
  });
});
