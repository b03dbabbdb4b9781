// vfkit's REST API (usage.md, "RESTful API"): GET /vm/state and POST /vm/state {"state": "Stop" | "HardStop" |
// "Pause" | "Resume"}, on the unix socket given with --restful-uri. The backend gets it as an interface, so tests
// script its answers and failures; vfkitRestOverSocket is the real one. What vfkit answers is untrusted input:
// anything but the documented shape is an error, never a crash.
import http from 'node:http';

/** The states vfkit reports: Virtualization.framework's VZVirtualMachineState names (usage.md). */
export type VfkitMachineState =
  | 'VirtualMachineStateRunning'
  | 'VirtualMachineStateStopped'
  | 'VirtualMachineStatePaused'
  | 'VirtualMachineStateError'
  | 'VirtualMachineStateStarting'
  | 'VirtualMachineStatePausing'
  | 'VirtualMachineStateResuming'
  | 'VirtualMachineStateStopping'
  | 'VirtualMachineStateSaving'
  | 'VirtualMachineStateRestoring';

export interface VfkitVmState {
  state: VfkitMachineState;
  canStop: boolean;
  canHardStop: boolean;
}

/** The state changes vfkit accepts (pkg/rest/define/config.go). There is no save or restore among them. */
export type VfkitStateChange = 'Stop' | 'HardStop' | 'Pause' | 'Resume';

export interface VfkitRest {
  state(): Promise<VfkitVmState>;
  change(state: VfkitStateChange): Promise<void>;
}

export function parseVmState(text: string): VfkitVmState {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`vfkit answered GET /vm/state with something that is not JSON: ${text.slice(0, 80)}`);
  }
  const record = (body ?? {}) as Record<string, unknown>;
  if (typeof record.state !== 'string' || !record.state.startsWith('VirtualMachineState'))
    throw new Error(`vfkit answered GET /vm/state without a machine state: ${text.slice(0, 80)}`);
  return {
    state: record.state as VfkitMachineState,
    canStop: record.canStop === true,
    canHardStop: record.canHardStop === true,
  };
}

const MAX_BODY = 64 * 1024;

function request(socketPath: string, method: string, body: string | null, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath, method, path: '/vm/state', headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.length > MAX_BODY) req.destroy(new Error('vfkit sent an answer longer than 64 KiB'));
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          // POST answers 202 in vfkit's code (pkg/rest/vf/vm_config.go) where usage.md says 200: any 2xx is success.
          if (status >= 200 && status < 300) resolve(text);
          else reject(new Error(`vfkit answered ${method} /vm/state with HTTP ${status}: ${errorText(text)}`));
        });
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`vfkit did not answer ${method} /vm/state in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** vfkit's error body is `{"error": "…"}`. */
function errorText(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // Not JSON: the raw text says what there is to say.
  }
  return text.slice(0, 200) || '(no body)';
}

export function vfkitRestOverSocket(socketPath: string, timeoutMs = 5_000): VfkitRest {
  return {
    state: async () => parseVmState(await request(socketPath, 'GET', null, timeoutMs)),
    change: async (state) => {
      await request(socketPath, 'POST', JSON.stringify({ state }), timeoutMs);
    },
  };
}
