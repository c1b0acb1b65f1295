import { DRAFT_DAYS } from '@yx/shared';
import { log } from '../lib/log';
import { now } from '../lib/clock';
import { objectStore } from '../lib/storage';
import { deleteUnusedFile, unusedFiles } from './unusedFiles/repository';
import { coldStart } from '../lib/secrets';

/**
 * 未使用的上传文件, run daily: a file begun more than a draft's lifetime ago (a draft may still name it) and never put to
 * use by an application or an order is deleted, object (every version) and row. Each run looks at a week of days, so a
 * missed run is caught up; the row goes only if still unused at that moment (a use marked meanwhile keeps it).
 */
export const UNUSED_FILE_DAYS = DRAFT_DAYS + 1;
const DAYS_LOOKED_AT = 7;
const PER_DAY = 500;

export async function sweepUnusedFiles(at = now()): Promise<{ deleted: string[] }> {
  const deleted: string[] = [];
  for (let back = UNUSED_FILE_DAYS; back < UNUSED_FILE_DAYS + DAYS_LOOKED_AT; back++) {
    const day = new Date(at.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    for (const f of await unusedFiles(day, PER_DAY)) {
      if (!(await deleteUnusedFile(f.fileId))) continue;
      await objectStore().remove(f.key);
      deleted.push(f.fileId);
    }
  }
  return { deleted };
}

export const handler = async () => {
  await coldStart();
  const r = await sweepUnusedFiles();
  log.info('unused files swept', { count: r.deleted.length });
  return { count: r.deleted.length };
};
