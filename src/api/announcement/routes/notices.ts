import { route } from '../../../http/contract';
import { createLineLink, deleteLineLink, getNotice, listMyNotices, listNotices, readMyNotice } from '../contracts';

/** A signed-in person's writes: one budget per address (a code a minute is plenty; guessing is what it stops). */
const ACCOUNT_WRITES = { name: 'global::rate-limit', config: { bucket: 'account-notices' } };

/** Public notices for everyone; the signed-in person's notices and LINE link (content-API auth, `auth: 'user'`). */
export default {
  routes: [
    route(listNotices, 'notice.list'),
    route(getNotice, 'notice.get'),
    route(listMyNotices, 'notice.mine', { auth: 'user' }),
    route(readMyNotice, 'notice.read', { auth: 'user', middlewares: [ACCOUNT_WRITES] }),
    route(createLineLink, 'line-link.create', { auth: 'user', middlewares: [ACCOUNT_WRITES] }),
    route(deleteLineLink, 'line-link.remove', { auth: 'user', middlewares: [ACCOUNT_WRITES] }),
  ],
};
