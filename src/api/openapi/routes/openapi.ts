import { route } from '../../../http/contract';
import { getOpenApi } from '../contracts';

export default { routes: [route(getOpenApi, 'openapi.document')] };
