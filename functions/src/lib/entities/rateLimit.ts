/** | rate-limit window | RATE#<bucket>#<client> | <window number> | `count`, ttl two windows | */
export const keys = { rateWindow: (bucket: string, window: string) => ({ pk: `RATE#${bucket}`, sk: window }) };
