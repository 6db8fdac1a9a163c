import { route } from '../../../http/contract';
import { getMapTiles, listMapLayerFeatures, listMapLayers } from '../contracts';

/** The maps' tile source and the public map layers, the same for everyone: the website and integrators read them. */
export default { routes: [route(getMapTiles, 'map.settings'), route(listMapLayers, 'map.layers'), route(listMapLayerFeatures, 'map.features')] };
