import type { Context, Next } from 'koa';
import { route, type RouteContract } from '../../../http/contract';
import {
  ckanDatastoreSearch,
  ckanDatastoreSearchPost,
  ckanGroupList,
  ckanGroupListPost,
  ckanHelpShow,
  ckanHelpShowPost,
  ckanOrganizationList,
  ckanOrganizationListPost,
  ckanOrganizationShow,
  ckanOrganizationShowPost,
  ckanPackageList,
  ckanPackageListPost,
  ckanPackageSearch,
  ckanPackageSearchPost,
  ckanPackageShow,
  ckanPackageShowPost,
  ckanResourceShow,
  ckanResourceShowPost,
  ckanStatusShow,
  ckanStatusShowPost,
  ckanTagList,
  ckanTagListPost,
  sendCkan,
} from '../contracts';

/** A refused partner token answers in CKAN's envelope too, as CKAN's own `Authorization Error`. */
const ckanAuthorization = (action: string) => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (err) {
    const e = err as { status?: number; message?: string; details?: { code?: string } };
    if (e.status !== 401) throw err;
    sendCkan(ctx, action, 401, { error: { __type: 'Authorization Error', message: e.message ?? '', code: e.details?.code ?? 'invalid_token' } });
  }
};

const ckan = (contract: RouteContract, handler: string) => route(contract, handler, { middlewares: [ckanAuthorization(contract.path.split('/').pop() ?? '')] });

/**
 * CKAN's Action API (a read-only subset) at /api/3/action/, for harvesters and CKAN clients: each
 * action by GET with query parameters, or POSTed with the same parameters as JSON (as ckanapi calls).
 */
export default {
  routes: [
    ckan(ckanStatusShow, 'ckan.statusShow'),
    ckan(ckanStatusShowPost, 'ckan.statusShow'),
    ckan(ckanPackageList, 'ckan.packageList'),
    ckan(ckanPackageListPost, 'ckan.packageList'),
    ckan(ckanPackageShow, 'ckan.packageShow'),
    ckan(ckanPackageShowPost, 'ckan.packageShow'),
    ckan(ckanPackageSearch, 'ckan.packageSearch'),
    ckan(ckanPackageSearchPost, 'ckan.packageSearch'),
    ckan(ckanOrganizationList, 'ckan.organizationList'),
    ckan(ckanOrganizationListPost, 'ckan.organizationList'),
    ckan(ckanOrganizationShow, 'ckan.organizationShow'),
    ckan(ckanOrganizationShowPost, 'ckan.organizationShow'),
    ckan(ckanGroupList, 'ckan.groupList'),
    ckan(ckanGroupListPost, 'ckan.groupList'),
    ckan(ckanTagList, 'ckan.tagList'),
    ckan(ckanTagListPost, 'ckan.tagList'),
    ckan(ckanResourceShow, 'ckan.resourceShow'),
    ckan(ckanResourceShowPost, 'ckan.resourceShow'),
    ckan(ckanDatastoreSearch, 'ckan.datastoreSearch'),
    ckan(ckanDatastoreSearchPost, 'ckan.datastoreSearch'),
    ckan(ckanHelpShow, 'ckan.helpShow'),
    ckan(ckanHelpShowPost, 'ckan.helpShow'),
  ],
};
