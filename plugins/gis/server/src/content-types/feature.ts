/**
 * One feature of a stored layer. `layerId` is a plain column and the bounding box is kept beside the
 * geometry, so an area query reads one indexed table instead of scanning JSON.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'gis_features',
    info: { singularName: 'feature', pluralName: 'features', displayName: 'Map feature' },
    options: { draftAndPublish: false },
    pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
    attributes: {
      layerId: { type: 'integer', required: true },
      geometry: { type: 'json', required: true },
      properties: { type: 'json' },
      minLon: { type: 'float' },
      minLat: { type: 'float' },
      maxLon: { type: 'float' },
      maxLat: { type: 'float' },
    },
  },
};
