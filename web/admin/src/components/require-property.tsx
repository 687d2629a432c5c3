// Renders a page's content for the current property, or a pointer to create one first.
import type { ReactNode } from 'react';
import type { Property } from '../api/types';
import { useProperties } from '../property-context';
import { Link } from '../router';
import { ErrorNotice, Loading } from './notice';

/** Calls `children` with the current property once there is one. */
export function RequireProperty({ children }: { children: (property: Property) => ReactNode }) {
  const { current, loading, error } = useProperties();
  if (current) return <>{children(current)}</>;
  if (error) return <ErrorNotice error={error} />;
  if (loading) return <Loading what="properties" />;
  return (
    <p className="card">
      There is no property yet. <Link href="/properties">Create a property</Link> first: it holds the agents
      and the APIs they use.
    </p>
  );
}
