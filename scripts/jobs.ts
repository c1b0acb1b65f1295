// Runs the scheduled jobs once against the local stack's store (npm run jobs [-- --date 2026-12-10]).
import { sweepDeferrals } from '../functions/src/jobs/deferrals';
import { sendOutbox } from '../functions/src/jobs/outbox';
import { deemOverdueOpinions } from '../functions/src/backoffice/opinions';
import { escalateUnclaimed } from '../functions/src/workorders/escalation';
import { sweepUnusedFiles } from '../functions/src/jobs/filesSweep';
import { runSupervisionJob } from '../functions/src/jobs/supervision';
import { markOverdueRectifications } from '../functions/src/backoffice/rectifications';
import { drainPolicyMatches } from '../functions/src/jobs/policyMatches';
import { scheduledRun } from '../functions/src/policies/batch';
import { sweepAppointments } from '../functions/src/jobs/appointments';
import { countClosedVotes } from '../functions/src/deliberation/count';
import { drainPublications, sweepPublications } from '../functions/src/jobs/publications';
import { drainCredit, sweepCredit } from '../functions/src/jobs/credit';

const i = process.argv.indexOf('--date');
const date = i > 0 ? process.argv[i + 1] : undefined;
(async () => {
  const d = await sweepDeferrals(date);
  const p = await deemOverdueOpinions(date);
  const w = await escalateUnclaimed();
  const o = await sendOutbox(date?.replace(/-/g, ''));
  const f = await sweepUnusedFiles(date ? new Date(`${date}T12:00:00+08:00`) : undefined);
  const s = await runSupervisionJob(); // 督办 and 整改 follow the clock (npm run clock), not --date
  const r = await markOverdueRectifications();
  // 免申即享 数据比对: `--match` starts the nightly run of every open item; the queued shards run every time
  if (process.argv.includes('--match')) await scheduledRun();
  const m = await drainPolicyMatches();
  const a = await sweepAppointments(); // 预约 reminders and 爽约, by the clock (npm run clock)
  const v = await countClosedVotes(); // 居民议事: the final count of votes closed a minute ago, by the clock
  const q = await sweepPublications(); // 政务公开: saves whose index was never queued (5 minutes on, by the clock), again
  const g = await drainPublications(); // 政务公开: the search index and the subscribers' messages of what was published
  const x = await sweepCredit(date); // 信用: penalties past their maximum publication period leave the public profile
  const c = await drainCredit(); // 信用: grades recomputed after a repair, an objection upheld or an expiry
  console.log(
    `容缺 sweep: ${d.checked} checked, ${d.toSupplement.length} sent to supplement, ${d.reminded} reminded; opinions deemed: ${p.deemed.length}; work orders escalated: ${w.escalated.length}; outbox: ${o.sent} sent, ${o.recorded} recorded; unused files deleted: ${f.deleted.length}; 自动督办: ${s.supervised.length}, 督办 escalated: ${s.escalated.length}; rectifications overdue: ${r.escalated.length}; 数据比对 shards run: ${m}; 预约 reminded: ${a.remindedDay + a.remindedHour}, 爽约: ${a.noShows} (${a.suspended} suspended); 议事 votes counted: ${v.counted}; 政务公开 requeued: ${q.requeued.length}, work run: ${g}; 信用 records expired: ${x.expired}, grades recomputed: ${c}`,
  );
})().catch((e) => {
  console.error('jobs failed:', e.message);
  process.exit(1);
});
