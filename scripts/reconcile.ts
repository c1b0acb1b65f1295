// 对账 against the local stack's store: rebuilds every counter from the records and prints drift
// (npm run reconcile [-- --fix]). With --fix, adds the differences and gives back benefit units no claim holds.
import { reconcile } from '../functions/src/jobs/reconcile/rebuild';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // local Node 20; read when the client is made

(async () => {
  const r = await reconcile({ fix: process.argv.includes('--fix') });
  console.log(
    `${r.rows} rows read, ${r.counters} counter rows rebuilt: ${r.drift.length} counts differ, ${r.lostUnits.length} benefits with lost units, ${r.unreadable.length} unreadable rows`,
  );
  for (const d of r.drift.slice(0, 50)) console.log(`  ${d.pk} ${d.sk} ${d.attr}: counted ${d.counted}, rebuilt ${d.rebuilt}`);
  for (const u of r.lostUnits) console.log(`  benefit ${u.benefitId}: ${u.lost} unit(s) reserved by no claim`);
  for (const k of r.unreadable.slice(0, 20)) console.log(`  unreadable: ${k.pk} ${k.sk}`);
  if (r.fixed && (r.drift.length || r.lostUnits.length)) console.log('fixed.');
  else if (r.drift.length || r.lostUnits.length) console.log('run with --fix to repair.');
})().catch((e) => {
  console.error('reconcile failed:', e.message);
  process.exit(1);
});
