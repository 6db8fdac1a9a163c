import * as React from 'react';

/**
 * Calls `fn` every `ms` while the tab is visible, and at once when it becomes visible again, so
 * an inbox left open shows new complaints without hammering the server from background tabs.
 */
export function usePolling(fn: () => void, ms: number) {
  const latest = React.useRef(fn);
  latest.current = fn;
  React.useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = window.setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [ms]);
}
