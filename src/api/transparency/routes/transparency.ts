import { route } from '../../../http/contract';
import { getChecklist } from '../contracts';

/** Public read only: staff edit the items in the Content Manager. */
export default {
  routes: [route(getChecklist, 'transparency.checklist')],
};
