// One compare for "is this host path in that folder?", per platform: POSIX as written, Windows in any of its
// spellings and without case.
import { describe, expect, it } from 'vitest';
import { hostPathSegments, isInsideHostFolder } from '../../../main/shared/host-path';

describe('host paths', () => {
  it('on POSIX: a folder, below it, never a sibling sharing its prefix, and case matters', () => {
    expect(isInsideHostFolder('/home/me', '/home/me/', 'linux')).toBe(true);
    expect(isInsideHostFolder('/home/me/./src//app', '/home/me', 'linux')).toBe(true);
    expect(isInsideHostFolder('/home/me/../other', '/home/me', 'linux')).toBe(false);
    expect(isInsideHostFolder('/home/meow', '/home/me', 'linux')).toBe(false);
    expect(isInsideHostFolder('/Home/me', '/home/me', 'linux')).toBe(false);
    expect(isInsideHostFolder('/etc', '/', 'linux')).toBe(true);
    expect(isInsideHostFolder('relative/path', '/', 'linux')).toBe(false);
  });

  it('on macOS: case folded, as its default file system does', () => {
    expect(isInsideHostFolder('/users/ME/src', '/Users', 'darwin')).toBe(true);
  });

  it('on Windows: C:\\…, c:/…, /c/… and /mnt/c/… name the same folder, without case', () => {
    const folder = 'C:\\Users\\Me';
    for (const path of ['C:\\Users\\Me\\src', 'c:/users/me/src', '/c/Users/me/src', '/mnt/c/Users/ME/src'])
      expect(isInsideHostFolder(path, folder, 'win32'), path).toBe(true);
    expect(isInsideHostFolder('D:\\Users\\Me', folder, 'win32')).toBe(false);
    expect(isInsideHostFolder('C:\\Users\\Meow', folder, 'win32')).toBe(false);
    expect(isInsideHostFolder('C:\\Users\\Me\\..\\Other', folder, 'win32')).toBe(false);
    expect(isInsideHostFolder('\\\\server\\share\\x', folder, 'win32')).toBe(false);
    expect(hostPathSegments('/c/Users/Me', 'win32')).toEqual(['c:', 'users', 'me']);
  });
});
