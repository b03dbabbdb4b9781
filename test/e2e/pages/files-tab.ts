// Page object for a container's Files tab: the path trail, the entries table and its rows, the folder's
// actions, the upload input and the messages, found by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export class FilesTab {
  constructor(private readonly page: Page) {}

  tab(): Locator {
    return this.page.getByRole('tab', { name: 'Files', exact: true });
  }

  panel(container: string): Locator {
    return this.page.getByRole('region', { name: `Files of ${container}`, exact: true });
  }

  table(path: string): Locator {
    return this.page.getByRole('grid', { name: `Entries of ${path}`, exact: true });
  }

  /** An entry's row; its name cell reads "Folder work/", "File hello.txt", … */
  row(path: string, name: string): Locator {
    return this.table(path)
      .getByRole('row')
      .filter({
        has: this.page.getByRole('rowheader', {
          name: new RegExp(`(Folder|File|Link|Special file) ${escape(name)}/?( →.*)?$`),
        }),
      });
  }

  breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: 'Folder path' });
  }

  /** A parent folder's step in the trail (`/` is "Root folder /"). */
  breadcrumbStep(path: string): Locator {
    return this.breadcrumb().getByRole('button', {
      name: path === '/' ? 'Root folder /' : `Folder ${path}`,
      exact: true,
    });
  }

  currentFolder(): Locator {
    return this.breadcrumb().locator('[aria-current="location"]');
  }

  download(name: string): Locator {
    return this.page.getByRole('button', { name: `Download ${name}`, exact: true });
  }

  downloadFolder(path: string): Locator {
    return this.page.getByRole('button', { name: `Download folder ${path} as a tar`, exact: true });
  }

  /** React Aria's FileTrigger keeps the real file input hidden next to its button. */
  uploadInput(container: string): Locator {
    return this.panel(container).locator('input[type="file"]');
  }

  status(): Locator {
    return this.page.locator('.files-tab [role="status"]');
  }

  alert(): Locator {
    return this.page.locator('.files-tab [role="alert"]');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
