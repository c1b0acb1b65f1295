import { businessDate, OPEN_STATES } from '@yx/shared';
import { log } from '../lib/log';
import { now } from '../lib/clock';
import * as repo from '../applications/repository';
import { coldStart } from '../lib/secrets';

/**
 * 容缺 follow-up, run daily (and locally by the stack's timer or `npm run jobs`): a deferred
 * material still missing on its due date sends the application to supplement (补正), with a
 * one-time notice listing what is missing; the clock stops until the firm answers.
 */
export async function sweepDeferrals(date = businessDate(now())): Promise<{ checked: number; toSupplement: string[] }> {
  const out = { checked: 0, toSupplement: [] as string[] };
  for (const appNo of await repo.dueApplications(date)) {
    out.checked++;
    const { app, events } = await repo.getApplicationWithEvents(appNo);
    if (!app || !OPEN_STATES.includes(app.state)) continue;
    const missing = app.deferred.filter((d) => !d.handedIn && d.dueDate <= date);
    if (!missing.length) continue;
    const at = now().toISOString();
    try {
      await repo.changeApplication({
        app,
        expectState: OPEN_STATES,
        eventIndex: events.length,
        set: {
          state: 'supplement',
          pausedSince: date,
          supplementNotice: { items: missing.map((d) => ({ material: d.name, reason: `容缺材料逾期未补交（应于 ${d.dueDate} 前补交）` })) },
        },
        event: {
          at,
          actor: app.departmentName,
          action: '容缺材料逾期，转为补正',
          note: missing.map((d) => d.name).join('、'),
          state: 'supplement',
          fromState: app.state,
        },
        message: {
          userId: app.applicantId,
          appNo,
          template: 'application_supplement',
          title: `${app.itemName} 需要补正`,
          body: `容缺材料逾期未补交：${missing.map((d) => d.name).join('、')}。请尽快补正。`,
        },
      });
      out.toSupplement.push(appNo);
    } catch (e) {
      // someone changed it meanwhile: tomorrow's run looks again (the due row stays)
      log.error('deferral sweep skipped', { appNo, err: (e as Error).name });
    }
  }
  return out;
}

export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await sweepDeferrals();
  log.info('deferral sweep', { checked: r.checked, toSupplement: r.toSupplement.length });
  return r;
};
