// The one .wslconfig setting the VM engine cares about on Windows: `[experimental] autoMemoryReclaim`, which
// decides whether memory the WSL VM's Linux frees (its page cache included) goes back to Windows
// (https://learn.microsoft.com/windows/wsl/wsl-config, "Experimental settings"; MicrosoftDocs/WSL at 8842def7:
// values disabled | gradual | dropCache, default dropCache). Berth reads the file and says what it means; it does
// not write it: the file is the user's, it applies to every distribution, and it takes effect only after
// `wsl --shutdown`, which would stop the user's other distributions too.

export type AutoMemoryReclaim = 'disabled' | 'gradual' | 'dropCache';

/** The documented default when the key is absent or its value unknown ("dropCache or an unknown value"). */
export const WSL_DEFAULT_RECLAIM: AutoMemoryReclaim = 'dropCache';

/** The setting as WSL reads it: section and key names case-insensitive, `#`/`;` comments, last value wins. */
export function autoMemoryReclaimOf(wslconfig: string | null): AutoMemoryReclaim {
  let section = '';
  let value: string | null = null;
  for (const raw of (wslconfig ?? '').split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1].trim().toLowerCase();
      continue;
    }
    const pair = /^([^=]+)=(.*)$/.exec(line);
    if (section === 'experimental' && pair && pair[1].trim().toLowerCase() === 'automemoryreclaim')
      value = pair[2].trim().toLowerCase();
  }
  if (value === 'disabled') return 'disabled';
  if (value === 'gradual') return 'gradual';
  return WSL_DEFAULT_RECLAIM;
}

/** What the Engine page and the log say about it; null when memory already goes back. */
export function reclaimAdvice(setting: AutoMemoryReclaim, wslconfigPath: string): string | null {
  if (setting !== 'disabled') return null;
  return (
    `WSL keeps the memory its Linux frees: ${wslconfigPath} sets autoMemoryReclaim=disabled. Set it to gradual ` +
    `(or dropCache) under [experimental], then run wsl --shutdown (it stops every WSL distribution) for WSL to ` +
    `give freed memory back to Windows.`
  );
}
