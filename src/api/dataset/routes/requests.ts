import { route } from '../../../http/contract';
import { createDatasetRequest } from '../contracts-requests';

/** Requests for data have their own write budget per address, apart from complaints and the other forms. */
const DATASET_REQUEST_BUDGET = { name: 'global::rate-limit', config: { bucket: 'dataset-requests' } };

export default {
  routes: [route(createDatasetRequest, 'requests.create', { middlewares: [DATASET_REQUEST_BUDGET] })],
};
