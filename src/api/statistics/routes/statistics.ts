import { route } from '../../../http/contract';
import { getStatistics, getStatisticsArea } from '../contracts';

/** Public, read-only: figures, never a record. */
export default { routes: [route(getStatistics, 'statistics.all'), route(getStatisticsArea, 'statistics.area')] };
