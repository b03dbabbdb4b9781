// The only two Electron IPC channel names. Kept apart from the zod schemas so the sandboxed preload
// bundles nothing but these strings.
export const ipcInvokeChannel = 'berth:invoke';
export const ipcEventChannel = 'berth:event';
