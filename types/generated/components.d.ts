import type { Schema, Struct } from '@strapi/strapi';

export interface DatasetResource extends Struct.ComponentSchema {
  collectionName: 'components_dataset_resources';
  info: {
    description: 'One file, link, map layer or live view of a dataset (a CKAN resource).';
    displayName: 'Resource';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    file: Schema.Attribute.Media<'files' | 'images'>;
    format: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    key: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 36;
      }>;
    layerSlug: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    restricted: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    source: Schema.Attribute.Enumeration<['file', 'url', 'layer', 'live']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'file'>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    view: Schema.Attribute.Enumeration<
      [
        'poles_map',
        'complaints_by_month',
        'complaints_by_category',
        'tax_by_year',
      ]
    >;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'dataset.resource': DatasetResource;
    }
  }
}
