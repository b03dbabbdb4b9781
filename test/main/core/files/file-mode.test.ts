// Modes as `ls -l` prints them, Go's FileMode type bits from the engine's path stat, and the owner files.
import { describe, expect, it } from 'vitest';
import { kindOfGoMode } from '../../../../main/core/files/archive-stat';
import { engineCause } from '../../../../main/core/files/archive-errors';
import { kindOfTarType, modeOctal, modeString } from '../../../../main/core/files/file-mode';
import { parseIdFile } from '../../../../main/core/files/owner-names';

describe('modeString', () => {
  it('prints type letters and permissions', () => {
    expect(modeString('directory', 0o755)).toBe('drwxr-xr-x');
    expect(modeString('file', 0o640)).toBe('-rw-r-----');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
    expect(modeString('character-device', 0o666)).toBe('crw-rw-rw-');
  });

  it('shows setuid, setgid and sticky where ls does', () => {
    expect(modeString('file', 0o4755)).toBe('-rwsr-xr-x');
    expect(modeString('file', 0o2644)).toBe('-rw-r-Sr--');
    expect(modeString('directory', 0o1777)).toBe('drwxrwxrwt');
    expect(modeOctal(0o4755)).toBe('4755');
    expect(modeOctal(0o644)).toBe('0644');
  });

  it('maps tar types to kinds', () => {
    expect(kindOfTarType('directory')).toBe('dir');
    expect(kindOfTarType('link')).toBe('file');
    expect(kindOfTarType('fifo')).toBe('other');
  });
});

describe('kindOfGoMode', () => {
  it('reads the type bits above the permissions', () => {
    expect(kindOfGoMode(2 ** 31 + 0o755)).toBe('dir');
    expect(kindOfGoMode(2 ** 27 + 0o777)).toBe('symlink');
    expect(kindOfGoMode(0o644)).toBe('file');
    expect(kindOfGoMode(2 ** 26 + 2 ** 21 + 0o666)).toBe('other');
  });
});

describe('parseIdFile', () => {
  it('names ids, the first line winning, skipping junk', () => {
    const names = parseIdFile('root:x:0:0:root:/root:/bin/sh\nbin:x:1:1\n# note\n\ntoor:x:0:0\nbad:x:abc:1\n');
    expect([...names]).toEqual([
      [0, 'root'],
      [1, 'bin'],
    ]);
  });
});

describe('engineCause', () => {
  it('keeps the engine’s sentence from a streamed call’s error', () => {
    const error = Object.assign(
      new Error('(HTTP code 404) no such container - Could not find the file /x in container y '),
      {
        statusCode: 404,
      },
    );
    expect(engineCause(error)).toBe('Could not find the file /x in container y');
  });
});
