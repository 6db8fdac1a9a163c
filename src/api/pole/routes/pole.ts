import { COMPLAINT_BUDGET, route } from '../../../http/contract';
import { getPole, getPoleQrPng, getPoleQrSvg, listPoles, reportPoleFault } from '../contracts';

/** Public pole routes: custom, so that only the allow-listed public view ever leaves the server. */
export default {
  routes: [
    route(listPoles, 'pole.list'),
    route(getPoleQrPng, 'pole.qrPng'),
    route(getPoleQrSvg, 'pole.qrSvg'),
    route(getPole, 'pole.findOneByCode'),
    route(reportPoleFault, 'pole.report', { middlewares: [COMPLAINT_BUDGET] }),
  ],
};
