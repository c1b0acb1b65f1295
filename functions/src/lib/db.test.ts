import { CONFLICT_RETRIES, conditionalUpdate, conflictRetryDelay, db, transact } from './db';
import { withMeter } from './meter';

/** When lib/db's transact tries a cancelled transaction again: a conflict alone, a few times, after a short jittered wait. */
describe('conflictRetryDelay', () => {
  const low = () => 0;
  const high = () => 0.999;

  it('retries a transaction cancelled only by a conflict with another one', () => {
    expect(conflictRetryDelay(['None', 'TransactionConflict', 'None'], 0, low)).toBe(10);
    expect(conflictRetryDelay(['TransactionConflict'], 0, high)).toBeCloseTo(30, 0);
  });

  it('waits longer at each retry, jittered, and gives up after CONFLICT_RETRIES', () => {
    const waits = [0, 1, 2, 3, 4, 5].map((n) => [conflictRetryDelay(['TransactionConflict'], n, low), conflictRetryDelay(['TransactionConflict'], n, high)]);
    expect(waits.map(([a]) => a)).toEqual([10, 20, 40, 80, 160, 320]);
    for (const [a, b] of waits) expect(b! / a!).toBeCloseTo(3, 1);
    expect(CONFLICT_RETRIES).toBe(6);
    expect(conflictRetryDelay(['TransactionConflict'], CONFLICT_RETRIES)).toBeUndefined();
  });

  it('never retries a failed condition, anywhere in the transaction, nor any other cause', () => {
    expect(conflictRetryDelay(['TransactionConflict', 'ConditionalCheckFailed'], 0)).toBeUndefined();
    expect(conflictRetryDelay(['ConditionalCheckFailed', 'None'], 0)).toBeUndefined();
    expect(conflictRetryDelay(['ConditionalCheckFailed'], 0)).toBeUndefined(); // a single conditional write refused
    expect(conflictRetryDelay(['None', 'ValidationError'], 0)).toBeUndefined();
    expect(conflictRetryDelay(['None', 'None'], 0)).toBeUndefined();
    expect(conflictRetryDelay(undefined, 0)).toBeUndefined(); // not a cancelled transaction at all
  });
});

/**
 * DynamoDB Local runs transactions one at a time and never reports a conflict, so the first `cancel` transactions are
 * cancelled here before they leave the client, as DynamoDB would cancel them.
 */
describe('transact under conflicts', () => {
  const lines: string[] = [];
  const level = process.env.LOG_LEVEL;
  let spy: jest.SpyInstance;
  beforeEach(() => {
    lines.length = 0;
    process.env.LOG_LEVEL = 'info';
    spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => {
    db().middlewareStack.remove('cancelSome');
    spy.mockRestore();
    process.env.LOG_LEVEL = level;
  });
  const cancel = (times: number, reasons: string[]) =>
    db().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'TransactWriteItemsCommand' || times-- <= 0) return next(args);
        throw Object.assign(new Error('Transaction cancelled'), {
          name: 'TransactionCanceledException',
          CancellationReasons: reasons.map((Code) => ({ Code })),
        });
      },
      { step: 'initialize', name: 'cancelSome' },
    );
  const item = (sk: string) =>
    conditionalUpdate(
      { pk: `RETRYTEST#${Date.now()}`, sk },
      { update: 'SET #n = :n', condition: 'attribute_not_exists(pk)', names: { '#n': 'n' }, values: { ':n': 1 } },
    );

  it('tries again after a conflict and logs each retry as a warning, with the reasons only', async () => {
    cancel(2, ['None', 'TransactionConflict']);
    const { meter } = await withMeter(() => transact([item('a'), item('b')]));
    expect(meter.transactions).toBe(3);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toEqual([
      { level: 'warn', msg: 'transaction conflict: retry 1 of 6', reasons: ['None', 'TransactionConflict'], attempt: 2 },
      { level: 'warn', msg: 'transaction conflict: retry 2 of 6', reasons: ['None', 'TransactionConflict'], attempt: 3 },
    ]);
  });

  it('gives up after six retries with the cancellation itself', async () => {
    cancel(10, ['TransactionConflict']);
    const { meter, value } = await withMeter(() => transact([item('c')]).catch((e: Error) => e.name));
    expect([value, meter.transactions, lines.length]).toEqual(['TransactionCanceledException', 7, 6]);
  });

  it("tries a call again when DynamoDB Local timed out waiting for a lock (the emulator's 500), a few times only, and meters it once", async () => {
    let attempts = 0;
    const lockTimeout = (times: number) =>
      db().middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
          attempts++;
          if (times-- <= 0) return next(args);
          throw Object.assign(new Error('This action timed out because it too long waiting for a lock. This request will succeed in actual DynamoDB API'), {
            name: 'InternalServerError',
          });
        },
        { step: 'initialize', name: 'cancelSome' },
      );
    lockTimeout(2);
    const ok = await withMeter(() => transact([item('f')]));
    // three tries reached the store, but the emulator's retry is not a call DynamoDB would cost: the meter counts one
    expect([attempts, ok.meter.transactions]).toEqual([3, 1]);
    db().middlewareStack.remove('cancelSome');
    attempts = 0;
    lockTimeout(20);
    const failed = await withMeter(() => transact([item('g')]).catch((e: Error) => e.name));
    expect([failed.value, attempts, failed.meter.transactions]).toEqual(['InternalServerError', 7, 1]);
    db().middlewareStack.remove('cancelSome');
  });

  it('never retries when a condition failed', async () => {
    cancel(1, ['TransactionConflict', 'ConditionalCheckFailed']);
    const { meter, value } = await withMeter(() => transact([item('d'), item('e')]).catch((e: Error) => e.name));
    expect([value, meter.transactions, lines.length]).toEqual(['TransactionCanceledException', 1, 0]);
  });
});
