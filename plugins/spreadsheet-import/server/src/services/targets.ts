import { PLUGIN_ID, importPermission, type ImportTarget, type TargetRegistry } from '../types';

// The admin's rule for permission uids: lower case letters, dots and hyphens.
const ID = /^[a-z][a-z-]*[a-z]$/;

/** The registry of import targets: filled by the app in its register(), read by the routes. */
const targetsService = () => {
  const targets = new Map<string, ImportTarget>();
  let sealed = false;

  const registry: TargetRegistry & {
    seal(): void;
    permitted(ability: { can(action: string): boolean } | undefined): ImportTarget[];
    describe(t: ImportTarget): Record<string, unknown>;
  } = {
    register(target) {
      // Permissions are registered once, at bootstrap: a later target would have none.
      if (sealed) throw new Error(`[${PLUGIN_ID}] target "${target.id}" registered after bootstrap: register targets in the app's register()`);
      if (!ID.test(target.id)) throw new Error(`[${PLUGIN_ID}] target id "${target.id}" must be lower case letters and hyphens`);
      if (targets.has(target.id)) throw new Error(`[${PLUGIN_ID}] target "${target.id}" is registered twice`);
      const keys = target.fields.map((f) => f.key);
      if (!keys.length || new Set(keys).size !== keys.length) throw new Error(`[${PLUGIN_ID}] target "${target.id}" needs fields with distinct keys`);
      if (typeof target.checkRow !== 'function' || typeof target.run !== 'function') throw new Error(`[${PLUGIN_ID}] target "${target.id}" needs checkRow() and run()`);
      targets.set(target.id, target);
    },

    get: (id) => targets.get(id),
    list: () => [...targets.values()],

    /** Called at bootstrap: one admin permission per target, then no more targets. */
    seal() {
      sealed = true;
    },

    /** The targets this admin user may import into. */
    permitted(ability) {
      return registry.list().filter((t) => Boolean(ability?.can(importPermission(t.id))));
    },

    /** What the admin page needs to draw a target: labels and fields, never the functions. */
    describe(t) {
      return {
        id: t.id,
        label: t.label,
        description: t.description ?? null,
        headerRow: t.headerRow ?? 'required',
        summary: t.summary,
        fields: t.fields.map(({ key, th, en, required }) => ({ key, th, en, required: Boolean(required) })),
      };
    },
  };

  return registry;
};

export type TargetsService = ReturnType<typeof targetsService>;
export default targetsService;
