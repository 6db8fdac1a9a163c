const COLOUR = '^#[0-9a-fA-F]{6}$';

/** A map layer: its own style, visibility and attribute schema (uMap's idea: a layer is data with a style). */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'gis_layers',
    info: { singularName: 'layer', pluralName: 'layers', displayName: 'Map layer', description: 'A layer of the town map: its features are drawn in the map editor.' },
    options: { draftAndPublish: false },
    pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
    attributes: {
      slug: { type: 'string', required: true, unique: true, maxLength: 60, regex: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      nameTh: { type: 'string', required: true, maxLength: 120 },
      nameEn: { type: 'string', maxLength: 120 },
      description: { type: 'text', maxLength: 2000 },
      kind: { type: 'enumeration', enum: ['point', 'line', 'polygon', 'mixed'], default: 'mixed', required: true },
      color: { type: 'string', maxLength: 7, regex: COLOUR, default: '#0b5d3b' },
      lineWidth: { type: 'integer', min: 1, max: 12, default: 3 },
      fillColor: { type: 'string', maxLength: 7, regex: COLOUR, default: '#0b5d3b' },
      fillOpacity: { type: 'decimal', min: 0, max: 1, default: 0.2 },
      icon: { type: 'enumeration', enum: ['dot', 'school', 'health', 'temple', 'water', 'office', 'market', 'speaker', 'warning'], default: 'dot' },
      isPublic: { type: 'boolean', default: false },
      displayOrder: { type: 'integer', default: 0 },
      // Edited as a form (the attribute-schema custom field), read by the map editor and the API.
      attributes: { type: 'customField', customField: 'plugin::gis.attribute-schema' },
      // Bumped by every feature write: part of the public ETag, so an edit is never served stale.
      revision: { type: 'integer', default: 0, private: true },
    },
  },
};
