/** The stage's list of KMS-wrapped data keys (SSM `/yx/<stage>/pii-data-keys`), newest last: see functions/src/lib/pii.ts. */
export interface WrappedKey {
  id: string;
  wrapped: string;
}

/** The list with a new key appended (`k1`, `k2`, …). Old keys stay: values sealed under them must still open. */
export function withNewKey(current: string | undefined, wrapped: Uint8Array): WrappedKey[] {
  const list: WrappedKey[] = current ? (JSON.parse(current) as WrappedKey[]) : [];
  if (!Array.isArray(list) || list.some((k) => typeof k.id !== 'string' || typeof k.wrapped !== 'string'))
    throw new Error('the stored key list is not a list of {id, wrapped}');
  const n = Math.max(0, ...list.map((k) => Number(/^k(\d+)$/.exec(k.id)?.[1] ?? 0))) + 1;
  return [...list, { id: `k${n}`, wrapped: Buffer.from(wrapped).toString('base64') }];
}
