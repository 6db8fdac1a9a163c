import type { MapApi } from './map-api';

let loading: Promise<MapApi> | undefined;

/** Loads the map's script and stylesheet once, on the first page that shows a map. */
export function loadMap(): Promise<MapApi> {
  if (window.nokokMap) return Promise.resolve(window.nokokMap);
  loading ??= new Promise<MapApi>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = __MAP_ASSETS__.css;
    const js = document.createElement('script');
    js.src = __MAP_ASSETS__.js;
    js.async = true;
    let pending = 2;
    const done = () => {
      if (--pending > 0) return;
      if (window.nokokMap) resolve(window.nokokMap);
      else fail();
    };
    const fail = () => {
      // Forget the failed attempt, so the next visit to a map page tries again.
      css.remove();
      js.remove();
      loading = undefined;
      reject(new Error('the map could not load'));
    };
    css.onload = done;
    js.onload = done;
    css.onerror = fail;
    js.onerror = fail;
    document.head.append(css, js);
  });
  return loading;
}
