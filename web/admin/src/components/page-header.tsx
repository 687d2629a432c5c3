// The title of a page with its main actions beside it.
import { type ReactNode, useEffect } from 'react';

/** A page's h1 (also the document title) and actions. */
export function PageHeader({
  title,
  children,
  lead,
}: {
  title: string;
  children?: ReactNode;
  lead?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Concierge`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {children && <div className="actions">{children}</div>}
    </header>
  );
}
