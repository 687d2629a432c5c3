// The properties and the one being worked on, shared by every page (the choice is remembered).
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { callApi } from './api/client';
import type { Property } from './api/types';
import { useResource } from './use-resource';

const storageKey = 'concierge.propertyId';

/** What pages read about properties. */
export interface PropertyState {
  properties: Property[];
  /** The property the pages show; undefined while loading or when there is none. */
  current: Property | undefined;
  select: (id: string) => void;
  reload: () => Promise<void>;
  loading: boolean;
  error: Error | undefined;
}

const PropertyContext = createContext<PropertyState | undefined>(undefined);

/** Provides the properties to the pages below. */
export function PropertyProvider({ children }: { children: ReactNode }) {
  const resource = useResource(() => callApi<{ items: Property[] }>('GET', '/properties'), []);
  const [selected, setSelected] = useState(() => localStorage.getItem(storageKey) ?? '');
  const properties = resource.data?.items ?? [];
  const current = properties.find((property) => property.id === selected) ?? properties[0];
  useEffect(() => {
    if (current && current.id !== selected) setSelected(current.id);
  }, [current, selected]);
  const value = useMemo<PropertyState>(
    () => ({
      properties,
      current,
      select: (id) => {
        localStorage.setItem(storageKey, id);
        setSelected(id);
      },
      reload: resource.reload,
      loading: resource.loading,
      error: resource.error,
    }),
    [properties, current, resource.reload, resource.loading, resource.error],
  );
  return <PropertyContext.Provider value={value}>{children}</PropertyContext.Provider>;
}

/** The property state; only inside PropertyProvider. */
export function useProperties(): PropertyState {
  const state = useContext(PropertyContext);
  if (!state) throw new Error('useProperties needs a PropertyProvider above it');
  return state;
}
