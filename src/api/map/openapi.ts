import type { ExtraOperation } from '../../openapi/document';

/** GET /api/map is a custom route, so it describes itself. */
export const mapOperations: ExtraOperation[] = [
  {
    path: '/map',
    method: 'get',
    operation: {
      operationId: 'getMapTiles',
      summary: "Where the site's maps take their background tiles from, and the credit to show with them",
      tags: ['Meta'],
      responses: {
        '200': {
          description: 'The tile source',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: {
                    type: 'object',
                    properties: {
                      tileUrl: { type: 'string', description: 'Leaflet URL template with {z}, {x}, {y} (and optionally {s})', example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' },
                      attribution: { type: 'string', description: 'HTML to show in the corner of the map (a link to the licence)' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
];
