// An error the user should read: role="alert" so it is announced, the BerthError's message as it came,
// and a Dismiss button when the error belongs to a past action rather than to what is on screen.
import { Button } from 'react-aria-components';

export interface ErrorAlertProps {
  title: string;
  message: string;
  onDismiss?: () => void;
  /** e.g. a Retry button for a failed list. */
  action?: { label: string; onPress: () => void };
}

export function ErrorAlert({ title, message, onDismiss, action }: ErrorAlertProps) {
  return (
    <div role="alert" className="alert alert-error">
      <div className="alert-text">
        <strong className="alert-title">{title}</strong>
        <span className="alert-message">{message}</span>
      </div>
      {action && (
        <Button className="button button-secondary" onPress={action.onPress}>
          {action.label}
        </Button>
      )}
      {onDismiss && (
        <Button className="button button-quiet" onPress={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
