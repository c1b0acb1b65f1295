// Once after deploying issue 14's 我处理中 / 已办结: gives orders claimed before it their place in their owner's lists
// (functions/src/workorders/owner.ts backfillOwnerLists; docs/DATA.md). Safe to run again.
//   locally:   DYNAMODB_ENDPOINT=http://127.0.0.1:8000 TABLE_NAME=yx-local npx tsx scripts/backfill-owner-lists.ts
//   deployed:  STAGE=prod DYNAMODB_ENDPOINT= TABLE_NAME=yx-prod SECRET_PARAMS=PII_DATA_KEYS=/yx/prod/pii-data-keys \
//              npx tsx scripts/backfill-owner-lists.ts   (from a machine with access, like the seed)
import { coldStart } from '../functions/src/lib/secrets';
import { backfillOwnerLists } from '../functions/src/workorders/owner';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // local Node 20; read when the client is made

(async () => {
  await coldStart(); // the personal-data keys: the orders' rows are read
  const r = await backfillOwnerLists();
  console.log(`owner lists: ${r.listed.length} orders listed, ${r.skipped} already listed or changed meanwhile`);
})().catch((e) => {
  console.error('backfill failed:', e.message);
  process.exit(1);
});
