// Shows the page the desktop shell asks for (`app:navigate`: its menu, tray or a notification was clicked).
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useBerthClient } from '../data/client-context';

/** A path inside the app (`/containers/abc?tab=stats`), never a URL or a protocol-relative `//host`. */
export function isAppPath(path: unknown): path is string {
  return typeof path === 'string' && /^\/[A-Za-z0-9/_.:-]*(\?[A-Za-z0-9=&_.-]*)?$/.test(path) && !path.startsWith('//');
}

export function useShellNavigation(): void {
  const client = useBerthClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      client.on('app:navigate', (request) => {
        if (isAppPath(request.path)) void navigate(request.path);
      }),
    [client, navigate],
  );
}
