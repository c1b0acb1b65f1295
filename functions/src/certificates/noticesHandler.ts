import { unmarshall, type convertToNative } from '@aws-sdk/util-dynamodb';
import { isDisclosure, type ApplicationState } from '@yx/shared';
import { coldStart } from '../lib/secrets';
import { log } from '../lib/log';
import { NOTICE_FOR } from './notices';
import { issueNotice, type NoticeKind } from './issue';

type Image = Record<string, Parameters<typeof convertToNative>[0]>;
interface StreamRecord {
  eventID?: string;
  dynamodb?: { NewImage?: Image; OldImage?: Image };
}

/**
 * The changes that call for a notice: an application row whose state moved into one that has a notice; for a request
 * for government information (issue 19) its own notices (补正, 答复) and its extension.
 */
export function noticesDue(records: StreamRecord[]): { appNo: string; state: NoticeKind; version: number; disclosure: boolean }[] {
  const out: { appNo: string; state: NoticeKind; version: number; disclosure: boolean }[] = [];
  for (const r of records) {
    const now = r.dynamodb?.NewImage ? unmarshall(r.dynamodb.NewImage) : undefined;
    const before = r.dynamodb?.OldImage ? unmarshall(r.dynamodb.OldImage) : undefined;
    if (now?.entity !== 'Application') continue;
    const disclosure = isDisclosure(String(now.itemId));
    const due = (state: NoticeKind) => out.push({ appNo: String(now.appNo), state, version: Number(now.version), disclosure });
    if (disclosure) {
      if (now.state !== before?.state && (now.state === 'supplement' || now.state === 'replied')) due(now.state);
      if (now.disclosure?.extension && !before?.disclosure?.extension) due('extension');
      continue;
    }
    if (now.state !== before?.state && NOTICE_FOR[now.state as ApplicationState]) due(now.state as ApplicationState);
  }
  return out;
}

/** Issues the notices of a batch, one by one; a failure throws so that the batch is retried (each notice is issued once). */
export async function issueNotices(records: StreamRecord[]): Promise<number> {
  const due = noticesDue(records);
  if (!due.length) return 0;
  await coldStart();
  for (const d of due) {
    const doc = await issueNotice(d.appNo, d.state, d.version, d.disclosure);
    if (doc) log.info('notice issued', { serial: doc.serial, template: doc.template });
  }
  return due.length;
}

/** 文书 from the table's stream (sls/functions.yml documentsNotices; locally scripts/streams.ts calls issueNotices). */
export const handler = async (event: { Records?: StreamRecord[] }) => {
  await issueNotices(event.Records ?? []);
};
