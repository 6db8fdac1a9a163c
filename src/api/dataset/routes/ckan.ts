import { route } from '../../../http/contract';
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
} from '../contracts';

/**
 * CKAN's Action API (a read-only subset) at /api/3/action/, for harvesters and CKAN clients: each
 * action by GET with query parameters, or POSTed with the same parameters as JSON (as ckanapi calls).
 */
export default {
  routes: [
    route(ckanStatusShow, 'ckan.statusShow'),
    route(ckanStatusShowPost, 'ckan.statusShow'),
    route(ckanPackageList, 'ckan.packageList'),
    route(ckanPackageListPost, 'ckan.packageList'),
    route(ckanPackageShow, 'ckan.packageShow'),
    route(ckanPackageShowPost, 'ckan.packageShow'),
    route(ckanPackageSearch, 'ckan.packageSearch'),
    route(ckanPackageSearchPost, 'ckan.packageSearch'),
    route(ckanOrganizationList, 'ckan.organizationList'),
    route(ckanOrganizationListPost, 'ckan.organizationList'),
    route(ckanOrganizationShow, 'ckan.organizationShow'),
    route(ckanOrganizationShowPost, 'ckan.organizationShow'),
    route(ckanGroupList, 'ckan.groupList'),
    route(ckanGroupListPost, 'ckan.groupList'),
    route(ckanTagList, 'ckan.tagList'),
    route(ckanTagListPost, 'ckan.tagList'),
    route(ckanResourceShow, 'ckan.resourceShow'),
    route(ckanResourceShowPost, 'ckan.resourceShow'),
    route(ckanDatastoreSearch, 'ckan.datastoreSearch'),
    route(ckanDatastoreSearchPost, 'ckan.datastoreSearch'),
    route(ckanHelpShow, 'ckan.helpShow'),
    route(ckanHelpShowPost, 'ckan.helpShow'),
  ],
};
