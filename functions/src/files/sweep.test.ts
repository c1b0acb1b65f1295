import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../test/http';
import { login, PNG, startLocalFiles } from '../../test/apply';
import { storedRow } from '../../test/rows';
import { countersSettled, COUNTERS_TEST_TIMEOUT } from '../../test/streams';
import { randomId } from '../lib/ids';
import { localVersion } from '../lib/storage';
import { keys } from '../lib/entities/files';
import { handler as workorders } from '../workorders/handler';
import { sweepUnusedFiles, UNUSED_FILE_DAYS } from '../jobs/filesSweep';
import { seedAll } from '../seed/seed';
import { createFile } from './repository';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

/**
 * A finished upload begun `daysAgo` days ago (its own day, so no other test's files share the sweep's days), with its
 * bytes in the local store.
 */
async function oldUpload(ownerId: string, daysAgo: number) {
  const fileId = randomId('f');
  const key = `materials/${ownerId}/${fileId}`;
  const file = path.join(process.env.LOCAL_FILES_DIR!, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PNG);
  const createdAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await createFile({
    fileId,
    ownerId,
    key,
    fileName: 'photo.png',
    contentType: 'image/png',
    size: PNG.length,
    status: 'ready',
    createdAt,
    version: localVersion(file),
  });
  return { fileId, file };
}

describe('uploads never put to use (issue 13: lifecycle)', () => {
  it(
    'deletes them, object and row, a day after a draft could still name them; keeps what an order uses',
    async () => {
      const token = await login('u-resident-zhang');
      const unused = await oldUpload('u-resident-zhang', UNUSED_FILE_DAYS + 2);
      const used = await oldUpload('u-resident-zhang', UNUSED_FILE_DAYS + 2);
      const recent = await oldUpload('u-resident-zhang', UNUSED_FILE_DAYS - 5); // a draft may still name it
      const filed = await call((e) => workorders({ ...e, headers: { ...e.headers, 'idempotency-key': `sweep-${used.fileId}` } }), 'POST /v1/workorders', {
        token,
        body: {
          categoryId: 'cityscape-streetlight',
          description: '路灯坏了，附照片',
          photoIds: [used.fileId],
          place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路 1 号' },
        },
      });
      expect(filed.status).toBe(201);
      await countersSettled(); // the stream reader has marked the order's photo as used

      const r = await sweepUnusedFiles(new Date());
      expect(r.deleted).toContain(unused.fileId);
      expect(r.deleted).not.toContain(used.fileId);
      expect(r.deleted).not.toContain(recent.fileId);
      expect(await storedRow(keys.file(unused.fileId))).toBeUndefined();
      expect(fs.existsSync(unused.file)).toBe(false);
      expect((await storedRow(keys.file(used.fileId)))?.usedBy).toBe(filed.body.no);
      expect(fs.existsSync(used.file)).toBe(true);
      expect(fs.existsSync(recent.file)).toBe(true);
      // the order still shows its photo
      const photos = await call(workorders, 'GET /v1/workorders/{no}/photos', { token, params: { no: filed.body.no } });
      expect(photos.status).toBe(200);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});
