import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Target } from '../types';

/** The targets this user may import into (the server filters them by permission). */
export function useTargets() {
  const { get } = useFetchClient();
  const [targets, setTargets] = React.useState<Target[]>();
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    get<{ data: Target[] }>('/spreadsheet-import/targets')
      .then(({ data }) => setTargets(data.data))
      .catch(() => setFailed(true));
  }, [get]);
  return { targets, failed };
}
