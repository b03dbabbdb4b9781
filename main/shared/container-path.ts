// Paths inside a container as the Files channels take them: absolute POSIX paths, `.` and `..` resolved as the
// kernel would from `/` (so `/../etc` is `/etc`), no doubled or trailing slash. Shared with the renderer, so no
// `node:path` here.

/** `/a/./b/../c/` → `/a/c`; `/..` → `/`. */
export function normalizeContainerPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `/etc` + `passwd` → `/etc/passwd`; `/` + `etc` → `/etc`. */
export function joinContainerPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** `/etc/passwd` → `passwd`; `/` → `/`. */
export function baseName(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

/** `/etc/ssl/certs` → `/etc/ssl`; `/etc` → `/`. */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}
