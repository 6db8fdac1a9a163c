import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { PUBLIC_VIEWER, type Viewer } from './catalogue';

/** One read to record in the access log: what was read, by which call. */
export interface AccessRead {
  dataset: string;
  resource?: string | null;
  action: string;
}

/**
 * Data sharing with partner agencies: who a request comes from (a partner's read-only API token in
 * `Authorization: Bearer …`, else the public), and the access log of their reads.
 * (Stub: every request is public until the partner work lands.)
 */
const partners = ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  /** The viewer of this request. */
  viewerOf(_ctx: Context): Promise<Viewer> {
    return Promise.resolve(PUBLIC_VIEWER);
  },

  /** Records a partner's read of restricted data; public reads are not logged. */
  logAccess(_ctx: Context, _viewer: Viewer, _read: AccessRead): Promise<void> {
    return Promise.resolve();
  },
});

export type PartnersService = ReturnType<typeof partners>;
export default partners;
