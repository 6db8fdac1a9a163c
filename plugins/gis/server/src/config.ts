/** The plugin's configuration (config/plugins.ts `gis.config`): the map tiles, the same as every other map of the app. */
export interface GisConfig {
  map: { tileUrl: string; attribution: string };
}
