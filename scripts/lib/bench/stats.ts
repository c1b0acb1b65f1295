/** The p-th percentile (nearest rank below) of the figures; NaN for none. */
export const pct = (xs: readonly number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN;

export const median = (xs: readonly number[]) => pct(xs, 50);

/** "201×320 409×2": how many answers of each status (0 = no answer: the connection failed). */
export const statusText = (statuses: Map<number, number>) =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');

export const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
