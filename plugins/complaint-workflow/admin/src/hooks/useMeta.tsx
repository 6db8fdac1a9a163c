import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Meta } from '../types/api';

interface MetaState {
  meta?: Meta;
  error?: unknown;
  reload: () => void;
}

const MetaContext = React.createContext<MetaState>({ reload: () => undefined });

/** States, transitions, staff and categories: loaded once for both pages of the plugin. */
export function MetaProvider({ children }: { children: React.ReactNode }) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ meta?: Meta; error?: unknown }>({});
  const load = React.useCallback(() => {
    setState((s) => ({ meta: s.meta }));
    get<Meta>('/complaint-workflow/meta')
      .then(({ data }) => setState({ meta: data }))
      .catch((error) => setState({ error }));
  }, [get]);
  React.useEffect(load, [load]);
  const value = React.useMemo(() => ({ ...state, reload: load }), [state, load]);
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export const useMeta = () => React.useContext(MetaContext);
