import { route } from '../../../http/contract';
import { deleteAccount, exportAccount, getAccount, requestSignInCode, updateAccount, verifySignInCode } from '../contracts';

/** Sign-in by code: one budget per address for asking and trying codes (guessing is slow). */
const SIGN_IN_BUDGET = { name: 'global::rate-limit', config: { bucket: 'sign-in-code' } };

export default {
  routes: [
    route(getAccount, 'account.find', { auth: 'user' }),
    route(updateAccount, 'account.update', { auth: 'user' }),
    route(deleteAccount, 'account.delete', { auth: 'user' }),
    route(exportAccount, 'account.export', { auth: 'user' }),
    route(requestSignInCode, 'account.requestSignInCode', { middlewares: [SIGN_IN_BUDGET] }),
    route(verifySignInCode, 'account.verifySignInCode', { middlewares: [SIGN_IN_BUDGET] }),
  ],
};
