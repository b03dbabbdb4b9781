// The only bridge between Berth's sandboxed page and the main process: `window.berth = { invoke, on }`.
// It forwards channel names and payloads as they are; the main side validates both against the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcEventChannel, ipcInvokeChannel } from '../main/shared/ipc-channels';
import type { Envelope } from '../main/shared/errors';
import type { RawTransport } from '../main/shared/transport';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events; the page's listeners never see the IpcRendererEvent (it holds `sender`).
ipcRenderer.on(ipcEventChannel, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const berth: RawTransport = {
  invoke: (channel: string, payload: unknown) =>
    ipcRenderer.invoke(ipcInvokeChannel, String(channel), payload) as Promise<Envelope<unknown>>,
  on: (event: string, listener: Listener) => {
    if (typeof listener !== 'function') throw new TypeError('berth.on needs a listener function');
    const name = String(event);
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(name, set);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('berth', berth);
