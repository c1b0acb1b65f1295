import { CounterDeltas } from '../lib/counters';
import { Application, Rectification, type ApplicationRecord } from '../lib/entities/applications';
import { WorkOrder, type WorkOrderRecord } from '../lib/entities/workorders';
import { Claim, PointsEntryRow, type ClaimRow } from '../lib/entities/member';
import type { Item } from '../lib/entities/entity';
import { changeCounts, countsOf } from './contributions';

/** The rows' counts as a flat map `pk|sk|attr → n`, zeros dropped. */
const flat = (d: CounterDeltas) =>
  Object.fromEntries(d.rows().flatMap((r) => Object.entries(r.add).map(([a, n]) => [`${r.key.pk}|${r.key.sk}|${a}`, n] as const)));

const app: ApplicationRecord = {
  appNo: 'YX202611300001',
  itemId: 'no-criminal-record',
  itemName: '无犯罪记录证明',
  departmentId: 'police',
  departmentName: '公安分局',
  streetId: 'beijing',
  linked: [],
  applicantId: 'u1',
  applicantDisplay: '张*明',
  state: 'submitted',
  version: 0,
  submittedAt: '2026-11-30T01:00:00.000Z',
  startDate: '2026-11-30',
  promisedDays: 5,
  statutoryDays: 20,
  pausedDays: 0,
  delivery: 'pickup',
  answers: {},
  materials: [],
  deferred: [],
  queryCodeHash: 'h',
};
const appItem = (a: Partial<ApplicationRecord>) => Application.toItem({ ...app, ...a }, '2026-12-07');

describe('what a record counts', () => {
  it('counts a new application in its department, street and district, by state and in the week it started', () => {
    const c = flat(countsOf(appItem({})));
    expect(c).toEqual({
      'COUNT#DEPT#police|ALL|s_submitted': 1,
      'COUNT#DEPT#police|ALL|received': 1,
      'COUNT#DEPT#police|W#2026-W49|received': 1,
      'COUNT#DISTRICT|ALL|s_submitted': 1,
      'COUNT#DISTRICT|ALL|received': 1,
      'COUNT#DISTRICT|W#2026-W49|received': 1,
      'COUNT#STREET#beijing|ALL|s_submitted': 1,
      'COUNT#STREET#beijing|ALL|received': 1,
      'COUNT#STREET#beijing|W#2026-W49|received': 1,
    });
  });

  it('moves only what a change changes, and a whole life adds up to the record as it ends', () => {
    const life: Item[] = [
      appItem({}),
      appItem({ state: 'accepted', version: 1 }),
      appItem({ state: 'approved', version: 2, completion: { on: '2026-12-08', usedDays: 6, onTime: false } }),
      appItem({ state: 'delivered', version: 3, completion: { on: '2026-12-08', usedDays: 6, onTime: false } }),
      appItem({
        state: 'delivered',
        version: 4,
        completion: { on: '2026-12-08', usedDays: 6, onTime: false },
        rating: { value: 'satisfied', at: '2026-12-09T00:00:00Z' },
      }),
    ];
    const accepted = flat(changeCounts(life[0], life[1]));
    expect(accepted).toEqual({
      'COUNT#DEPT#police|ALL|s_submitted': -1,
      'COUNT#DEPT#police|ALL|s_accepted': 1,
      'COUNT#DISTRICT|ALL|s_submitted': -1,
      'COUNT#DISTRICT|ALL|s_accepted': 1,
      'COUNT#STREET#beijing|ALL|s_submitted': -1,
      'COUNT#STREET#beijing|ALL|s_accepted': 1,
    });
    expect(flat(changeCounts(life[2], life[3]))['COUNT#DISTRICT|W#2026-W50|done']).toBeUndefined(); // delivering is not finishing twice
    const sum = new CounterDeltas();
    life.forEach((row, i) => sum.merge(changeCounts(life[i - 1], row)));
    expect(flat(sum)).toEqual(flat(countsOf(life[life.length - 1])));
    expect(flat(sum)).toMatchObject({ 'COUNT#DEPT#police|W#2026-W50|done': 1, 'COUNT#DISTRICT|ALL|satisfied': 1 });
    expect(flat(sum)['COUNT#DEPT#police|W#2026-W50|onTime']).toBeUndefined(); // 6 days used of 5 promised
    expect(flat(changeCounts(life[4], undefined))).toEqual(Object.fromEntries(Object.entries(flat(sum)).map(([k, n]) => [k, -n])));
  });

  it('counts an open rectification until it is closed', () => {
    const task = {
      appNo: app.appNo,
      itemName: '',
      departmentId: 'police',
      rating: 'unsatisfied' as const,
      due: '2026-12-20',
      createdAt: '2026-11-30T00:00:00Z',
    };
    const open = Rectification.toItem({ ...task, status: 'open' });
    const closed = Rectification.toItem({ ...task, status: 'closed', closedAt: '2026-12-01T00:00:00Z' });
    expect(flat(countsOf(open))).toEqual({ 'COUNT#DEPT#police|ALL|rectOpen': 1, 'COUNT#DISTRICT|ALL|rectOpen': 1 });
    expect(flat(changeCounts(open, closed))).toEqual({ 'COUNT#DEPT#police|ALL|rectOpen': -1, 'COUNT#DISTRICT|ALL|rectOpen': -1 });
  });

  it('moves a work order to the department that handles it now when it is re-dispatched, and counts its close in the week it closed', () => {
    const wo: WorkOrderRecord = {
      no: 'SQ1',
      kind: 'appeal',
      categoryId: 'c',
      categoryPath: 'p',
      teamId: 'dept:urban',
      teamName: '城管',
      street: 'beijing',
      state: 'dispatched',
      version: 0,
      description: 'x',
      photoIds: [],
      filerId: 'u1',
      filerRole: 'resident',
      filerDisplay: '张*明',
      anonymous: false,
      affected: 1,
      claimBy: '2026-11-30T08:00:00Z',
      replyBy: '2026-12-04',
      reopened: false,
      createdAt: '2026-11-30T01:00:00Z',
    };
    const row = (w: Partial<WorkOrderRecord>) => WorkOrder.toItem({ ...wo, ...w }, 'k');
    expect(flat(changeCounts(row({}), row({ teamId: 'dept:market', version: 1 })))).toEqual({
      'COUNT#DEPT#urban|ALL|wo_open': -1,
      'COUNT#DEPT#urban|ALL|wo_filed': -1,
      'COUNT#DEPT#urban|W#2026-W49|wo_filed': -1,
      'COUNT#DEPT#market|ALL|wo_open': 1,
      'COUNT#DEPT#market|ALL|wo_filed': 1,
      'COUNT#DEPT#market|W#2026-W49|wo_filed': 1,
    });
    const closed = flat(
      changeCounts(
        row({ state: 'resolved', resolvedAt: '2026-12-03T02:00:00Z' }),
        row({ state: 'closed', resolvedAt: '2026-12-03T02:00:00Z', closedAt: '2026-12-08T02:00:00Z', rating: 'basic' }),
      ),
    );
    expect(closed).toMatchObject({
      'COUNT#DISTRICT|ALL|wo_open': -1,
      'COUNT#DISTRICT|ALL|wo_closed': 1,
      'COUNT#DISTRICT|W#2026-W50|wo_closed': 1,
      'COUNT#DISTRICT|ALL|wo_basic': 1,
    });
    expect(flat(countsOf(row({ state: 'resolved', resolvedAt: '2026-12-05T02:00:00Z' })))['COUNT#DISTRICT|ALL|wo_resolvedOnTime']).toBeUndefined(); // late: no on-time count
  });

  it("adds the member zone's day figures and a benefit's redemptions", () => {
    const entry = PointsEntryRow.toItem('u1', { at: '2026-11-30T16:30:00Z', kind: 'earned', points: 5, source: 'checkin:2026-12-01', reason: '每日签到' });
    expect(flat(countsOf(entry))).toEqual({
      'MEMBERSTAT#2026-12-01|STAT|pointsIssued': 5, // the Shanghai business day
      'MEMBERSTAT#2026-12-01|STAT|checkIns': 1,
      'MEMBERSTAT#ALL|STAT|pointsIssued': 5,
      'MEMBERSTAT#ALL|STAT|checkIns': 1,
    });
    const claim: ClaimRow = {
      code: 'C1',
      userId: 'u1',
      memberNo: 'M1',
      benefitId: 'b1',
      title: 't',
      partner: 'p',
      partnerId: 'p1',
      pointsPrice: 0,
      claimedAt: '2026-12-18T02:00:00Z',
      expiresOn: '2026-12-24',
      status: 'claimed',
    };
    const redeemed = flat(
      changeCounts(Claim.toItem(claim), Claim.toItem({ ...claim, status: 'redeemed', redeemedAt: '2026-12-19T02:00:00Z', redeemedBy: 'x' })),
    );
    expect(redeemed).toEqual({ 'MEMBERSTAT#2026-12-19|STAT|redemptions': 1, 'MEMBERSTAT#ALL|STAT|redemptions': 1, 'BENEFITS|b1|redeemed': 1 });
  });

  it('ignores rows that count nothing, and throws on a counted row that does not parse (its batch is retried, then dead-lettered)', () => {
    expect(countsOf({ pk: 'USER#u1', sk: 'PROFILE', entity: 'User' }).isEmpty).toBe(true);
    expect(() => countsOf({ pk: 'APP#x', sk: 'APP', entity: 'Application', state: 'nonsense' })).toThrow();
  });
});
