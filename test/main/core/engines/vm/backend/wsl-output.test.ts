// wsl.exe's output: UTF-16LE or UTF-8, and `wsl --list --verbose` read into rows.
import { describe, expect, it } from 'vitest';
import {
  decodeWslOutput,
  parseWslList,
  saysNoDistributions,
} from '../../../../../../main/core/engines/vm/backend/wsl-output';

const LIST =
  '  NAME            STATE           VERSION\r\n* Ubuntu          Running         2\r\n  berth-dev       Stopped         2\r\n  legacy          Stopped         1\r\n';

describe('decodeWslOutput', () => {
  it('reads UTF-16LE, with or without its BOM, and UTF-8, dropping carriage returns', () => {
    expect(decodeWslOutput(Buffer.from(LIST, 'utf16le'))).toBe(LIST.replace(/\r/g, ''));
    expect(
      decodeWslOutput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Opération réussie.\r\n', 'utf16le')])),
    ).toBe('Opération réussie.\n');
    expect(decodeWslOutput(Buffer.from('Opération réussie.\r\n', 'utf8'))).toBe('Opération réussie.\n');
    expect(decodeWslOutput(Buffer.alloc(0))).toBe('');
  });
});

describe('parseWslList', () => {
  it('reads each distribution, its state and version, and the default', () => {
    expect(parseWslList(decodeWslOutput(Buffer.from(LIST, 'utf16le')))).toEqual([
      { name: 'Ubuntu', state: 'Running', version: 2, isDefault: true },
      { name: 'berth-dev', state: 'Stopped', version: 2, isDefault: false },
      { name: 'legacy', state: 'Stopped', version: 1, isDefault: false },
    ]);
  });

  it('reads a localised header and skips rows it cannot read', () => {
    expect(parseWslList('  NOM        ÉTAT          VERSION\n  berth-dev  En cours      2\n  garbage\n')).toEqual([
      { name: 'berth-dev', state: 'En cours', version: 2, isDefault: false },
    ]);
    expect(parseWslList('')).toEqual([]);
  });

  it("recognises WSL's message for no distributions at all", () => {
    expect(
      saysNoDistributions(
        'Windows Subsystem for Linux has no installed distributions.\nUse wsl.exe --list --online to list available distributions',
      ),
    ).toBe(true);
    expect(saysNoDistributions('The Windows Subsystem for Linux is not installed.')).toBe(false);
  });
});
