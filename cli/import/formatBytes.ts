// Sizes for people: SI units (1 kB = 1000 B), one decimal from kB up.
const UNITS = ['kB', 'MB', 'GB'] as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit: string = 'B';
  for (const next of UNITS) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
}
