// Runs a function at most once per window however often it is asked: the first call runs at once, calls
// during the window collapse into one run at its end. Engine events arrive in bursts (compose up, prune).

export interface Coalesced {
  call(): void;
  cancel(): void;
}

export function coalesce(run: () => void, windowMs: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let again = false;
  const startWindow = () => {
    timer = setTimeout(() => {
      timer = null;
      if (!again) return;
      again = false;
      run();
      startWindow();
    }, windowMs);
  };
  return {
    call() {
      if (timer) {
        again = true;
        return;
      }
      run();
      startWindow();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
    },
  };
}

/** Runs a function once, `quietMs` after the last of a series of calls (each call pushes it back). */
export function afterQuiet(run: () => void, quietMs: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    call() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        run();
      }, quietMs);
    },
    cancel,
  };
}
