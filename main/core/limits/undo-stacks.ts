// Owns the undo history of this core session: per container, the limit sets it had before each apply,
// newest last, bounded so a long session of slider drags cannot grow it without end.
import type { ContainerLimits } from '../../shared/limits-types';

export const MAX_UNDO_DEPTH = 20;

export class UndoStacks {
  private readonly stacks = new Map<string, ContainerLimits[]>();

  push(id: string, limits: ContainerLimits): void {
    const stack = this.stacks.get(id) ?? [];
    stack.push(structuredClone(limits));
    if (stack.length > MAX_UNDO_DEPTH) stack.shift();
    this.stacks.set(id, stack);
  }

  peek(id: string): ContainerLimits | undefined {
    const stack = this.stacks.get(id);
    return stack?.[stack.length - 1];
  }

  pop(id: string): void {
    const stack = this.stacks.get(id);
    stack?.pop();
    if (stack?.length === 0) this.stacks.delete(id);
  }

  canUndo(id: string): boolean {
    return (this.stacks.get(id)?.length ?? 0) > 0;
  }

  forget(id: string): void {
    this.stacks.delete(id);
  }
}
