/**
 * The formats the plugin reads and writes, from the pure formats module: every caller goes
 * through here, so the services never depend on its inner files.
 */
export { normalizeGeometry, parseGeoFile, toKml, toCsv, FormatError, formatMessage, type SourceCrs, type ParsedFile, type Rejected } from './formats';
