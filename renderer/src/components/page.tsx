// A page's frame: the window title, an optional breadcrumb, the page's h1, an optional toolbar beside it,
// and its content.
import type { ReactNode } from 'react';

export interface PageProps {
  title: string;
  /** A way back above the title, e.g. a link to the list this page's object belongs to. */
  breadcrumb?: ReactNode;
  /** A muted line under the title, e.g. "3 of 12 containers". */
  subtitle?: ReactNode;
  toolbar?: ReactNode;
  children: ReactNode;
  /** Fills the height (tables scroll inside) instead of scrolling the whole page. */
  fill?: boolean;
}

export function Page({ title, breadcrumb, subtitle, toolbar, children, fill = false }: PageProps) {
  return (
    <div className={fill ? 'page page-fill' : 'page'}>
      <title>{`${title} · Berth`}</title>
      <header className="page-header">
        <div className="page-heading">
          {breadcrumb && (
            <nav aria-label="Breadcrumb" className="breadcrumb">
              {breadcrumb}
            </nav>
          )}
          <h1>{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {toolbar && <div className="page-toolbar">{toolbar}</div>}
      </header>
      {children}
    </div>
  );
}
