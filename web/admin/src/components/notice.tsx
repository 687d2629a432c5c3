// Messages about what just happened: errors are alerts, confirmations are polite status updates.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/** An error box; renders nothing without an error. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.status : undefined;
  return (
    <div className="notice notice-error" role="alert">
      {code ? <strong>{code === 0 ? 'Error' : `Error ${code}`}: </strong> : null}
      {message}
    </div>
  );
}

/** A success or information line, announced politely. */
export function StatusNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      {children}
    </div>
  );
}

/** Shown while the first load of a page runs. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}
