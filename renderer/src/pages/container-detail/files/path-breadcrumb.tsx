// The folder being shown as a trail of its parents: each is a button that goes up to it, the last one is
// where you are (aria-current). `/` is named "/" so the root is always one press away.
import { Button } from 'react-aria-components';
import { joinContainerPath } from '@shared/container-path';

/** `/etc/ssl` → [`/`, `/etc`, `/etc/ssl`] with their names. */
export function pathTrail(path: string): { name: string; path: string }[] {
  const trail = [{ name: '/', path: '/' }];
  for (const part of path.split('/').filter(Boolean)) {
    const parent = trail[trail.length - 1]?.path ?? '/';
    trail.push({ name: part, path: joinContainerPath(parent, part) });
  }
  return trail;
}

export function PathBreadcrumb({ path, onGo }: { path: string; onGo: (path: string) => void }) {
  const trail = pathTrail(path);
  return (
    <nav aria-label="Folder path" className="files-breadcrumb">
      <ol>
        {trail.map((step, index) => (
          <li key={step.path}>
            {index > 1 && (
              <span className="files-breadcrumb-separator" aria-hidden="true">
                /
              </span>
            )}
            {index === trail.length - 1 ? (
              <span aria-current="location" className="files-breadcrumb-current mono">
                {step.name}
              </span>
            ) : (
              <Button
                className="files-breadcrumb-step mono"
                aria-label={step.path === '/' ? 'Root folder /' : `Folder ${step.path}`}
                onPress={() => onGo(step.path)}
              >
                {step.name}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
