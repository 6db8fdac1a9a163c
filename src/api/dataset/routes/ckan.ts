import { route } from '../../../http/contract';
import {
  ckanDatastoreSearch,
  ckanDatastoreSearchPost,
  ckanGroupList,
  ckanHelpShow,
  ckanOrganizationList,
  ckanOrganizationShow,
  ckanPackageList,
  ckanPackageSearch,
  ckanPackageSearchPost,
  ckanPackageShow,
  ckanResourceShow,
  ckanStatusShow,
  ckanTagList,
} from '../contracts';

/** CKAN's Action API (a read-only subset) at /api/3/action/, for harvesters and CKAN clients. */
export default {
  routes: [
    route(ckanStatusShow, 'ckan.statusShow'),
    route(ckanPackageList, 'ckan.packageList'),
    route(ckanPackageShow, 'ckan.packageShow'),
    route(ckanPackageSearch, 'ckan.packageSearch'),
    route(ckanPackageSearchPost, 'ckan.packageSearchPost'),
    route(ckanOrganizationList, 'ckan.organizationList'),
    route(ckanOrganizationShow, 'ckan.organizationShow'),
    route(ckanGroupList, 'ckan.groupList'),
    route(ckanTagList, 'ckan.tagList'),
    route(ckanResourceShow, 'ckan.resourceShow'),
    route(ckanDatastoreSearch, 'ckan.datastoreSearch'),
    route(ckanDatastoreSearchPost, 'ckan.datastoreSearchPost'),
    route(ckanHelpShow, 'ckan.helpShow'),
  ],
};
