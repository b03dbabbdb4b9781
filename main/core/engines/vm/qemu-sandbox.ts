// QEMU's seccomp sandbox for the VM: once the guest runs, QEMU may not exec or fork helpers, raise its
// privileges, change scheduling or use obsolete system calls, so a guest that escapes into QEMU gets little.
// A QEMU built without seccomp refuses `-sandbox` and would not start at all: the build is asked first, once.
import { execFile } from 'node:child_process';

/** Nothing the VM needs is spawned by QEMU (no virtiofsd, no bridge helper, user-mode network). */
export const SANDBOX_OPTION = 'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny';

const known = new Map<string, Promise<boolean>>();

/**
 * Whether `binary` accepts the sandbox. QEMU handles options in order and `-version` exits at once, so
 * `-sandbox … -version` answers 0 when the build has seccomp and the option parses, and fails otherwise
 * ("-sandbox support is not enabled in this QEMU binary").
 */
export function sandboxSupported(binary: string): Promise<boolean> {
  let answer = known.get(binary);
  if (!answer) {
    answer = new Promise((resolve) => {
      execFile(binary, ['-sandbox', SANDBOX_OPTION, '-version'], { timeout: 10_000 }, (error) => resolve(!error));
    });
    known.set(binary, answer);
  }
  return answer;
}
