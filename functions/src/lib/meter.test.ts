import { call } from '../../test/http';
import { conditionalUpdate, isConditionFailure, queryPartition, transact } from './db';
import { route } from './http';
import { addCapacity, countCall, currentMeter, formatStoreCost, newMeter, parseStoreCost, withMeter } from './meter';
import { getUser } from './repository';
import { router } from './router';

const run = `${Date.now()}`;
const row = (sk: string) => ({ pk: `METERTEST#${run}`, sk });
const create = (sk: string) =>
  conditionalUpdate(row(sk), { update: 'SET #n = :n', condition: 'attribute_not_exists(pk)', names: { '#n': 'n' }, values: { ':n': 1 } });

describe('store meter', () => {
  it('counts a known sequence of calls by kind, with the capacity the store reports', async () => {
    const { meter } = await withMeter(async () => {
      await getUser('u-nobody'); // GetItem
      await transact([create('a'), create('b')]); // one transaction of two items
      await Promise.all([queryPartition(row('').pk), getUser('u-nobody-either')]); // Query, GetItem at once
      const refused = await transact([create('a')]).catch((e: unknown) => e); // its condition fails: counted, not retried
      expect(isConditionFailure(refused)).toBe(true);
    });
    expect(meter).toMatchObject({ calls: 5, reads: 3, writes: 0, transactions: 2, scans: 0 });
    expect([...meter.ops]).toEqual([
      ['GetItem', 2],
      ['TransactWriteItems', 2],
      ['Query', 1],
    ]);
    // DynamoDB Local reports capacity: 0.5 RCU for an eventually consistent GetItem (even a miss) or a Query of small
    // rows; 1 WCU per small item written in a transaction (DynamoDB itself charges 2); a refused transaction's answer
    // is an error that reports none
    expect([meter.rcu, meter.wcu]).toEqual([1.5, 2]);
    expect(formatStoreCost(meter)).toBe('calls=5;reads=3;writes=0;transactions=2;scans=0;rcu=1.5;wcu=2;ops=GetItem*2,TransactWriteItems*2,Query');
  });

  it('keeps concurrent pieces of work apart, and counts nothing outside a meter', async () => {
    const [a, b] = await Promise.all([
      withMeter(async () => {
        await getUser('u-a');
        await getUser('u-a');
      }),
      withMeter(async () => {
        await queryPartition(row('').pk);
        return currentMeter();
      }),
    ]);
    expect([a.meter.calls, a.meter.reads, b.meter.calls]).toEqual([2, 2, 1]);
    expect(b.value).toBe(b.meter);
    expect(currentMeter()).toBeUndefined();
    await getUser('u-a'); // no meter: nothing to count into, nothing thrown
  });

  it('classifies scans, writes and batches and sums capacity arrays, and reads its own header back', () => {
    const m = newMeter();
    countCall(m, 'Scan');
    addCapacity(m, 'Scan', { CapacityUnits: 12.5 });
    countCall(m, 'UpdateItem');
    addCapacity(m, 'UpdateItem', { CapacityUnits: 1 });
    countCall(m, 'BatchGetItem');
    addCapacity(m, 'BatchGetItem', [{ CapacityUnits: 1 }, { CapacityUnits: 0.5 }]);
    countCall(m, 'TransactWriteItems');
    addCapacity(m, 'TransactWriteItems', [{ CapacityUnits: 6 }]);
    countCall(m, 'DescribeTable'); // a call, of no kind
    expect(m).toMatchObject({ calls: 5, reads: 1, writes: 1, transactions: 1, scans: 1, rcu: 14, wcu: 7 });
    const header = formatStoreCost(m);
    expect(header).toBe('calls=5;reads=1;writes=1;transactions=1;scans=1;rcu=14;wcu=7;ops=Scan,UpdateItem,BatchGetItem,TransactWriteItems,DescribeTable');
    expect(parseStoreCost(header)).toEqual(m);
    // no capacity reported: no rcu/wcu in the header, and none read back
    const bare = newMeter();
    countCall(bare, 'GetItem');
    expect(formatStoreCost(bare)).toBe('calls=1;reads=1;writes=0;transactions=0;scans=0;ops=GetItem');
    expect(parseStoreCost(formatStoreCost(bare))).toMatchObject({ calls: 1, rcu: undefined, wcu: undefined });
    expect(parseStoreCost(undefined)).toBeUndefined();
    expect(parseStoreCost('nonsense')).toBeUndefined();
  });
});

describe('x-store-cost header', () => {
  const h = router([
    route('GET /v1/health', async () => {
      await getUser('u-nobody');
      await getUser('u-nobody-either');
      return { ok: true, stage: 'local' };
    }),
  ]);
  const stage = process.env.STAGE;
  afterEach(() => {
    process.env.STAGE = stage;
  });

  it('says what a route asked of the store, on the local stage', async () => {
    const r = await call(h, 'GET /v1/health');
    expect(r.status).toBe(200);
    expect(parseStoreCost(r.headers['x-store-cost'])).toMatchObject({ calls: 2, reads: 2, transactions: 0, scans: 0, rcu: 1 });
    expect(r.headers['content-type']).toContain('application/json'); // the route's own headers stay
  });

  it('is never sent on another stage', async () => {
    process.env.STAGE = 'prod';
    const r = await call(h, 'GET /v1/health');
    expect(r.status).toBe(200);
    expect(r.headers['x-store-cost']).toBeUndefined();
  });
});
