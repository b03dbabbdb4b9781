// Which backend each platform gets, and what BERTH_VM_BACKEND may force.
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../../../../main/core/engines/vm/backend/select-backend';

describe('selectBackend', () => {
  it('picks QEMU on Linux, vfkit on macOS and WSL2 on Windows', () => {
    expect(selectBackend('linux', 'x64', {})).toMatchObject({ kind: 'qemu' });
    expect(selectBackend('darwin', 'arm64', {})).toMatchObject({ kind: 'vfkit' });
    expect(selectBackend('darwin', 'x64', {})).toMatchObject({ kind: 'vfkit' });
    expect(selectBackend('win32', 'x64', {})).toMatchObject({ kind: 'wsl2', why: 'Windows (x64): WSL2' });
    expect(selectBackend('freebsd', 'x64', {})).toMatchObject({ kind: 'qemu' });
  });

  it('takes QEMU as an opt-in anywhere', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const)
      expect(selectBackend(platform, 'x64', { BERTH_VM_BACKEND: 'qemu' })).toEqual({
        kind: 'qemu',
        why: 'BERTH_VM_BACKEND=qemu',
      });
    expect(selectBackend('darwin', 'arm64', { BERTH_VM_BACKEND: ' QEMU ' })).toMatchObject({ kind: 'qemu' });
  });

  it('refuses a backend forced on a platform it does not run on, and an unknown one', () => {
    expect(selectBackend('linux', 'x64', { BERTH_VM_BACKEND: 'vfkit' })).toEqual({
      kind: null,
      problem: 'BERTH_VM_BACKEND=vfkit runs on macOS only, not on linux.',
    });
    expect(selectBackend('darwin', 'arm64', { BERTH_VM_BACKEND: 'wsl2' })).toMatchObject({ kind: null });
    expect(selectBackend('win32', 'x64', { BERTH_VM_BACKEND: 'hyperv' })).toEqual({
      kind: null,
      problem: 'BERTH_VM_BACKEND=hyperv is not a backend (qemu, vfkit, wsl2).',
    });
    expect(selectBackend('win32', 'x64', { BERTH_VM_BACKEND: '' })).toMatchObject({ kind: 'wsl2' });
  });
});
