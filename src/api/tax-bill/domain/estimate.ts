/** The tax on a value through progressive bands (each band at its own rate), in baht to the satang. */
export interface Band {
  upTo: number | null;
  ratePercent: number;
}

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
