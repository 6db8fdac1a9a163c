import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import type { CaseTypeInfo, Label, Meta, StateTone, ActionTone } from '../types/api';
import { isThai } from '../utils/i18n';

interface MetaState {
  /** The case types this officer may read: the inbox's type tabs. */
  types?: CaseTypeInfo[];
  /** The case type of this page (`?type=`, else the first). */
  typeKey?: string;
  meta?: Meta;
  error?: unknown;
  reload: () => void;
  /** The admin's language's half of a label. */
  label: (l: Label | undefined, fallback?: string) => string;
  stateLabel: (state: string | null | undefined) => string;
  stateTone: (state: string) => StateTone;
  actionLabel: (action: string | null | undefined) => string;
  actionTone: (action: string) => ActionTone;
  /** `?type=…` for links and requests of this type. */
  typeQuery: string;
}

const MetaContext = React.createContext<MetaState | null>(null);

/**
 * The registered case types, and the current type's states, actions, staff and filters: everything
 * the pages show about a type comes from its registration on the server, so a new type needs no
 * admin code.
 */
export function MetaProvider({ children }: { children: React.ReactNode }) {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  const [params] = useSearchParams();
  const [types, setTypes] = React.useState<CaseTypeInfo[]>();
  const [state, setState] = React.useState<{ meta?: Meta; error?: unknown }>({});

  React.useEffect(() => {
    get<{ types: CaseTypeInfo[] }>('/complaint-workflow/types')
      .then(({ data }) => setTypes(data.types))
      .catch((error) => setState({ error }));
  }, [get]);

  const asked = params.get('type');
  const typeKey = types ? (types.find((t) => t.key === asked) ?? types[0])?.key : undefined;

  const load = React.useCallback(() => {
    if (!typeKey) return;
    setState((s) => ({ meta: s.meta?.type.key === typeKey ? s.meta : undefined }));
    get<Meta>(`/complaint-workflow/meta?type=${encodeURIComponent(typeKey)}`)
      .then(({ data }) => setState({ meta: data }))
      .catch((error) => setState({ error }));
  }, [get, typeKey]);
  React.useEffect(load, [load]);

  const value = React.useMemo<MetaState>(() => {
    const thai = isThai(locale);
    const label = (l: Label | undefined, fallback = '') => (l ? (thai ? l.th : l.en) : fallback);
    const type = state.meta?.type;
    const stateDef = (key: string | null | undefined) => type?.states.find((s) => s.key === key);
    const transition = (action: string | null | undefined) => type?.transitions.find((t) => t.action === action);
    return {
      types,
      typeKey,
      ...state,
      reload: load,
      label,
      stateLabel: (key) => label(stateDef(key)?.label, key ?? '-'),
      stateTone: (key) => stateDef(key)?.tone ?? 'neutral',
      actionLabel: (action) => label(transition(action)?.label, action ?? ''),
      actionTone: (action) => transition(action)?.tone ?? 'default',
      typeQuery: typeKey ? `?type=${encodeURIComponent(typeKey)}` : '',
    };
  }, [types, typeKey, state, load, locale]);
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export const useMeta = (): MetaState => {
  const value = React.useContext(MetaContext);
  if (!value) throw new Error('useMeta outside MetaProvider');
  return value;
};
