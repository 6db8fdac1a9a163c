/**
 * The gis plugin's file formats, pure (no Strapi): geometry normalising, reading GeoJSON, KML/KMZ,
 * GPX and zipped Shapefiles with reprojection from Thai coordinate systems, writing KML and CSV.
 */
export { normalizeGeometry, isGeometryError, ringArea, type GeometryError, type GeometryErrorCode } from './geometry';
export { FormatError, isFormatError, formatMessage, FORMAT_CODES, type FormatErrorCode } from './errors';
export { KNOWN_CRS, isKnownCrs, toWgs84, fromWgs84, type SourceCrs, type KnownCrs } from './crs';
export { parseGeoFile, MAX_FEATURES, MAX_UNZIPPED_BYTES, type ParsedFile, type Rejected } from './parse';
export { toKml, toCsv, toWkt } from './write';
