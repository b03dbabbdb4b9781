// The guest's trim: fstrim's answer parsed, a missing one named, and the command checks the disk takes discards
// and syncs before trimming (ext4 frees a deleted file's blocks only when its journal commits).
import { describe, expect, it } from 'vitest';
import { parseFstrim, TRIM_COMMAND } from '../../../../../main/core/engines/vm/disk-trim';

describe('parseFstrim', () => {
  it('reads the bytes of `fstrim -v`', () => {
    expect(parseFstrim('/var/lib/berth: 7.5 GiB (8043134976 bytes) trimmed\n')).toBe(8043134976);
    expect(parseFstrim('/var/lib/berth: 0 B (0 bytes) trimmed\n')).toBe(0);
  });

  it("says what it got when fstrim's answer is not there", () => {
    expect(() => parseFstrim('')).toThrow(/fstrim.*\(none\)/);
    expect(() => parseFstrim('something else')).toThrow(/something else/);
  });
});

describe('TRIM_COMMAND', () => {
  it('checks discard support, syncs, then trims the data filesystem', () => {
    const steps = TRIM_COMMAND.split('; ');
    expect(steps[0]).toContain('/sys/block/vdb/queue/discard_max_bytes');
    expect(steps.indexOf('sync')).toBeLessThan(steps.indexOf('fstrim -v /var/lib/berth'));
  });
});
