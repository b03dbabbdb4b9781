// What a page shows in place of itself when it failed to load or to render: the reason and a way to try again,
// inside the window's sidebar and status bar (the rest of the app keeps working).
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from 'react-aria-components';
import { errorMessage } from '@shared/error-message';
import { Page } from './page';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <Page title="This page could not be shown">
      <div role="alert" className="notice notice-warning">
        <p>{message}</p>
        <Button className="button button-secondary" onPress={() => window.location.reload()}>
          Reload Berth
        </Button>
      </div>
    </Page>
  );
}
