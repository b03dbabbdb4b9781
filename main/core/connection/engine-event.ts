// The engine's event messages (`GET /events`), checked and normalised: Docker 20.10 and Podman's compatible API
// both send Type/Action/Actor/time; older engines only `status`/`id`, which are mapped onto the same fields.

export interface EngineEvent {
  /** `container`, `image`, `volume`, `network`, `daemon`, ... */
  Type: string;
  /** `create`, `start`, `die`, `destroy`, `exec_start: sh -c ...`, `health_status: healthy`, ... */
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  /** Unix epoch seconds. */
  time: number;
  timeNano?: number;
  scope?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** Null for anything that is not an event; the caller logs and skips it. */
export function parseEngineEvent(value: unknown): EngineEvent | null {
  if (!isRecord(value)) return null;
  const actor = isRecord(value.Actor) ? value.Actor : {};
  const action =
    typeof value.Action === 'string' ? value.Action : typeof value.status === 'string' ? value.status : null;
  // Events from before API 1.22 carry no Type; they were all about containers.
  const type = typeof value.Type === 'string' ? value.Type : typeof value.status === 'string' ? 'container' : null;
  if (action === null || type === null) return null;
  const id = typeof actor.ID === 'string' ? actor.ID : typeof value.id === 'string' ? value.id : '';
  const event: EngineEvent = {
    Type: type,
    Action: action,
    Actor: { ID: id, Attributes: stringRecord(actor.Attributes) },
    time: typeof value.time === 'number' ? value.time : 0,
  };
  if (typeof value.timeNano === 'number') event.timeNano = value.timeNano;
  if (typeof value.scope === 'string') event.scope = value.scope;
  return event;
}
