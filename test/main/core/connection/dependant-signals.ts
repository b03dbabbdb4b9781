// How many signals Node records as following this one (AbortSignal.any adds to that record, and on Node 20
// never takes out of it); 0 where the runtime has no such record.
export function dependantSignals(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find((symbol) => symbol.description === 'kDependantSignals');
  return key ? ((signal as unknown as Record<symbol, Set<unknown> | undefined>)[key]?.size ?? 0) : 0;
}
