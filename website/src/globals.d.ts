/** Set by website/build.js: the hashed URLs of the map's script and stylesheet. */
declare const __MAP_ASSETS__: { js: string; css: string };

interface Window {
  /** Set by the map script once it has run. */
  nokokMap?: import('./map-api').MapApi;
}
