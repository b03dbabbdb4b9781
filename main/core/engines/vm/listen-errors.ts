// Turns a failed host listen (a forwarded port) into the sentence the container and the Engine page show.

export function hostLabel(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The sentence, keeping the system's code (EADDRINUSE, …) on the error for callers that decide by it. */
export function listenProblem(error: NodeJS.ErrnoException, protocol: string, host: string, port: number): Error {
  return Object.assign(new Error(sentence(error, protocol, host, port)), { code: error.code });
}

function sentence(error: NodeJS.ErrnoException, protocol: string, host: string, port: number): string {
  const where = `${protocol.toUpperCase()} ${hostLabel(host, port)}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${where} is already in use by another program on this computer.`;
    case 'EACCES':
      return `${where} needs privileges Berth does not have (ports below 1024 often do).`;
    case 'EADDRNOTAVAIL':
      return `${where}: this computer has no address ${host}.`;
    default:
      return `${where} could not be opened: ${error.message}`;
  }
}

/** This computer has no such address (no IPv6 loopback): not a port problem, the other address family serves. */
export function isMissingAddress(error: unknown, host: string): boolean {
  return host.includes(':') && (error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL';
}
