import { unmarshall, type convertToNative } from '@aws-sdk/util-dynamodb';
import type { ApplicationState } from '@yx/shared';
import { coldStart } from '../lib/secrets';
import { log } from '../lib/log';
import { NOTICE_FOR } from './notices';
import { issueNotice } from './issue';

type Image = Record<string, Parameters<typeof convertToNative>[0]>;
interface StreamRecord {
  eventID?: string;
  dynamodb?: { NewImage?: Image; OldImage?: Image };
}

/** The changes that call for a notice: an application row whose state moved into one that has a notice. */
export function noticesDue(records: StreamRecord[]): { appNo: string; state: ApplicationState; version: number }[] {
  const out: { appNo: string; state: ApplicationState; version: number }[] = [];
  for (const r of records) {
    const now = r.dynamodb?.NewImage ? unmarshall(r.dynamodb.NewImage) : undefined;
    const before = r.dynamodb?.OldImage ? unmarshall(r.dynamodb.OldImage) : undefined;
    if (now?.entity !== 'Application' || now.state === before?.state) continue;
    if (NOTICE_FOR[now.state as ApplicationState]) out.push({ appNo: String(now.appNo), state: now.state as ApplicationState, version: Number(now.version) });
  }
  return out;
}

/** Issues the notices of a batch, one by one; a failure throws so that the batch is retried (each notice is issued once). */
export async function issueNotices(records: StreamRecord[]): Promise<number> {
  const due = noticesDue(records);
  if (!due.length) return 0;
  await coldStart();
  for (const d of due) {
    const doc = await issueNotice(d.appNo, d.state, d.version);
    if (doc) log.info('notice issued', { serial: doc.serial, template: doc.template });
  }
  return due.length;
}

/** 文书 from the table's stream (sls/functions.yml documentsNotices; locally scripts/streams.ts calls issueNotices). */
export const handler = async (event: { Records?: StreamRecord[] }) => {
  await issueNotices(event.Records ?? []);
};
