import { call } from './client';
export async function probe() {
  const a = await call('GET /v1/workorders/{no}', { params: { no: 'x' } });
  const n: number = a.no; // error expected
  await call('GET /v1/workorders/{no}'); // error expected: params missing
  await call('POST /v1/workorders/{no}/notes', { params: { no: 'x' }, body: { nope: 1 } }); // error expected
  const h = await call('GET /v1/health');
  const ok: boolean = h.ok;
  return [n, ok];
}
