// Windows paths as a WSL2 distribution sees them (/mnt/<drive>/…), as the WSL2 backend's shares and the bind
// mount check on Windows need them.
import { describe, expect, it } from 'vitest';
import { isWslMountPath, wslPathOf } from '../../../main/shared/wsl-path';

describe('wslPathOf', () => {
  it('puts a drive under /mnt/<lower-case letter> with forward slashes', () => {
    expect(wslPathOf('C:\\Users\\me')).toBe('/mnt/c/Users/me');
    expect(wslPathOf('D:/src/app/')).toBe('/mnt/d/src/app');
    expect(wslPathOf('c:\\Users\\me\\My Project\\.\\x')).toBe('/mnt/c/Users/me/My Project/x');
    expect(wslPathOf('C:\\')).toBe('/mnt/c');
  });

  it('follows a changed automount root', () => {
    expect(wslPathOf('C:\\Users\\me', '/')).toBe('/c/Users/me');
    expect(wslPathOf('E:\\data', '/windir')).toBe('/windir/e/data');
  });

  it('has no answer for what drvfs does not automount or what is not absolute', () => {
    expect(wslPathOf('\\\\server\\share\\dir')).toBeNull();
    expect(wslPathOf('Users\\me')).toBeNull();
    expect(wslPathOf('C:')).toBeNull();
    expect(wslPathOf('C:relative')).toBeNull();
    expect(wslPathOf('C:\\Users\\..\\Windows')).toBeNull();
    expect(wslPathOf('/home/me')).toBeNull();
  });
});

describe('isWslMountPath', () => {
  it('recognises paths already under the automount root', () => {
    expect(isWslMountPath('/mnt/c/Users/me')).toBe(true);
    expect(isWslMountPath('/mnt/c')).toBe(true);
    expect(isWslMountPath('/mnt/cd/x')).toBe(false);
    expect(isWslMountPath('/home/me')).toBe(false);
    expect(isWslMountPath('/c/Users', '/')).toBe(true);
  });
});
