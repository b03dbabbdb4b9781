// Runs a function at most once per window however often it is asked: the first call runs at once, calls
// during the window collapse into one run at its end. Engine events arrive in bursts (compose up, prune), and
// sometimes as a stream (a script or a test suite creating and removing containers every second), whose
// events are too far apart for any window to fold: an optional budget of runs (a token bucket) then spaces the
// runs out, so a stream costs about one run per `refillMs` while lone events and short bursts still run at once
// (the Containers page refetched and re-rendered its table 5.7 times a second under the soak's churn).

export interface Coalesced {
  call(): void;
  cancel(): void;
}

/** Up to `burst` runs at once, then one more each `refillMs`. */
export interface RunBudget {
  burst: number;
  refillMs: number;
}

export function coalesce(run: () => void, windowMs: number, budget?: RunBudget): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let again = false;
  let tokens = budget?.burst ?? 1;
  let refilledAt = Date.now();
  /** How long until the budget allows a run (0: now). */
  const waitForBudget = (): number => {
    if (!budget) return 0;
    const now = Date.now();
    tokens = Math.min(budget.burst, tokens + (now - refilledAt) / budget.refillMs);
    refilledAt = now;
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * budget.refillMs);
  };
  const runNow = () => {
    again = false;
    if (budget) tokens -= 1;
    run();
    timer = setTimeout(endWindow, windowMs);
  };
  // Runs now or once the budget allows; calls meanwhile fold into that run.
  const runSoon = () => {
    const wait = waitForBudget();
    if (wait === 0) runNow();
    else
      timer = setTimeout(() => {
        waitForBudget();
        runNow();
      }, wait);
  };
  function endWindow() {
    timer = null;
    if (again) runSoon();
  }
  return {
    call() {
      if (timer) {
        again = true;
        return;
      }
      runSoon();
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
