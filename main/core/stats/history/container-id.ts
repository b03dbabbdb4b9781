// Container ids become directory names in the store, so only the engine's full 64-hex form gets that far:
// nothing with a slash, a dot or another length can name a path.

const fullContainerId = /^[0-9a-f]{64}$/;

export function assertContainerId(id: string): void {
  if (typeof id !== 'string' || !fullContainerId.test(id))
    throw new RangeError(
      `stats history needs a full container id (64 lowercase hex characters), got ${JSON.stringify(id)}`,
    );
}

export function isContainerId(name: string): boolean {
  return fullContainerId.test(name);
}
