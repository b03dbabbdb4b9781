// Which connection failures Berth retries by itself. Most are worth retrying (an engine restarting, a network
// blip); some only the user can fix (SSH login refused, a host key that changed or is not trusted yet, a key
// file that cannot be used): retrying those changes nothing, fills the remote's auth log and can trip its
// intrusion protection (fail2ban), so the connection stops until the user acts (Reconnect, Trust, edit).

const awaitingUser = new WeakSet<object>();

/** Marks an error as one retrying cannot fix; returns it, so `throw needsUserAction(new BerthError(…))` reads. */
export function needsUserAction<E extends object>(error: E): E {
  awaitingUser.add(error);
  return error;
}

/** True for an error marked by needsUserAction (the same object travels through the HTTP agent and dockerode). */
export function isUserActionNeeded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && awaitingUser.has(error);
}
