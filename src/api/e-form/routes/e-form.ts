import { E_SERVICE_BUDGET, route } from '../../../http/contract';
import { getForm, listForms, submitForm } from '../contracts';

/**
 * Public routes only: staff compose forms in the Content Manager. Filing through a form counts
 * against the same budget per address as the free-form e-service request.
 */
export default {
  routes: [route(listForms, 'e-form.list'), route(getForm, 'e-form.get'), route(submitForm, 'e-form.submit', { middlewares: [E_SERVICE_BUDGET] })],
};
