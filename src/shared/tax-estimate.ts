/**
 * The land-and-building tax on a value through progressive bands, each band at its own rate.
 * Shared by the server and the citizen website (the /tax page's estimate), so it stays pure: no
 * imports except other `src/shared` modules, no Node or browser APIs.
 */
export interface Band {
  upTo: number | null;
  ratePercent: number;
}

/** The tax in baht, to the satang. */
export function estimateTax(value: number, bands: Band[]): number {
  let satang = 0;
  let from = 0;
  for (const b of bands) {
    const top = b.upTo ?? Infinity;
    if (value > from) satang += (Math.min(value, top) - from) * b.ratePercent; // baht × percent = satang
    from = top;
    if (value <= top) break;
  }
  return Math.round(satang) / 100;
}
