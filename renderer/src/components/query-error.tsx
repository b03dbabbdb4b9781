// A failed list or lookup: what could not be loaded, the core's message, and a Retry button.
import { ErrorAlert } from './error-alert';

export function QueryError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  const unreachable = 'code' in error && error.code === 'ENGINE_UNREACHABLE';
  return (
    <ErrorAlert
      title={unreachable ? 'The engine is unreachable' : `Could not load ${what}`}
      message={error.message}
      action={{ label: 'Retry', onPress: onRetry }}
    />
  );
}
