/** The message of anything thrown: an Error's message, anything else as text. One rule for every log line and UI notice. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
