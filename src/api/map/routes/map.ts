import { route } from '../../../http/contract';
import { getMapTiles } from '../contracts';

/** The maps' tile source, the same for everyone: the website and the admin's maps read it. */
export default { routes: [route(getMapTiles, 'map.settings')] };
