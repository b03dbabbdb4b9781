// How a volume is called on screen: an anonymous volume's name is 64 hex digits the engine chose, shown by its
// first 12 like a container id; a name someone gave is shown whole.

const anonymousName = /^[0-9a-f]{64}$/;

export function isAnonymousVolume(name: string): boolean {
  return anonymousName.test(name);
}

export function volumeLabel(name: string): string {
  return isAnonymousVolume(name) ? `${name.slice(0, 12)}…` : name;
}
