import { route } from '../../../http/contract';
import { datasetVersions, dcatCatalogJsonLd, dcatCatalogTurtle, downloadResource, downloadResourceCsv, downloadResourceJson, downloadResourceXlsx, gdcExport } from '../contracts';

/** The open-data files: resource downloads, the DCAT-AP catalogue, the GD Catalog export, dataset versions. */
export default {
  routes: [
    route(downloadResource, 'open-data.download'),
    route(downloadResourceCsv, 'open-data.csv'),
    route(downloadResourceJson, 'open-data.json'),
    route(downloadResourceXlsx, 'open-data.xlsx'),
    route(dcatCatalogJsonLd, 'open-data.catalogJsonLd'),
    route(dcatCatalogTurtle, 'open-data.catalogTurtle'),
    route(gdcExport, 'open-data.gdc'),
    route(datasetVersions, 'open-data.versions'),
  ],
};
