import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PinMap } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { MenuIcon } from './components/MenuIcon';

const prefix = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [`${PLUGIN_ID}.${k}`, v]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: MenuIcon,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Map layers' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      Component: () => import('./pages/App'),
    });
    // A point chosen on a small map (poles, complaints, tax bills, forms); the server registers the same name.
    app.customFields.register({
      name: 'location',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.location.label`, defaultMessage: 'Location' },
      intlDescription: { id: `${PLUGIN_ID}.location.description`, defaultMessage: 'A point chosen on a map' },
      icon: PinMap,
      // The Content Manager passes name, value, onChange, attribute, disabled, label, hint, required and error.
      components: { Input: async () => import('./components/LocationInput') as unknown as Promise<{ default: React.ComponentType }> },
      // latField / lngField are set in the schema's JSON (see the plugin README); the builder offers the usual checks.
      options: {
        advanced: [
          {
            sectionTitle: { id: `${PLUGIN_ID}.location.options.section`, defaultMessage: 'Settings' },
            items: [
              {
                name: 'required',
                type: 'checkbox',
                intlLabel: { id: `${PLUGIN_ID}.location.options.required`, defaultMessage: 'Required field' },
                description: { id: `${PLUGIN_ID}.location.options.requiredHint`, defaultMessage: 'An entry cannot be saved without a location' },
              },
              {
                name: 'private',
                type: 'checkbox',
                intlLabel: { id: `${PLUGIN_ID}.location.options.private`, defaultMessage: 'Private field' },
                description: { id: `${PLUGIN_ID}.location.options.privateHint`, defaultMessage: 'Not returned by the API' },
              },
            ],
          },
        ],
      },
    });
    // A map layer's attribute schema as a form (rows of key, labels, type, choices) rather than raw JSON.
    app.customFields.register({
      name: 'attribute-schema',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.schema.fieldLabel`, defaultMessage: 'Attribute schema' },
      intlDescription: { id: `${PLUGIN_ID}.schema.fieldDescription`, defaultMessage: 'The attributes each feature of a map layer carries' },
      icon: PinMap,
      components: { Input: async () => import('./components/AttributeSchemaInput') as unknown as Promise<{ default: React.ComponentType }> },
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Record<string, string> };
          return { data: prefix(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
