import { z } from 'zod';
import type { RouteContract } from '../../http/contract';

export const getMapTiles = {
  method: 'GET',
  path: '/map',
  operationId: 'getMapTiles',
  summary: "Where the site's maps take their background tiles from, and the credit to show with them",
  tags: ['Meta'],
  responses: {
    200: {
      description: 'The tile source (MAP_TILE_URL and MAP_ATTRIBUTION; OpenStreetMap by default)',
      schema: z.object({
        data: z.object({
          tileUrl: z.string().meta({ description: 'Leaflet URL template with {z}, {x}, {y} (and optionally {s})', examples: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'] }),
          attribution: z.string().meta({ description: 'HTML to show in the corner of the map (a link to the licence)' }),
        }),
      }),
    },
  },
} satisfies RouteContract;
