import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

/**
 * Object storage for uploaded materials. The browser or WeChat posts the file straight to the
 * store with a presigned POST (the API never carries file bytes); the API then inspects the
 * stored object. Production: S3, signed by the AWS SDK's presigners (POST policy with content-length-range,
 * query-signed GET). Local: a folder
 * behind the same interface, served by the local stack at /local-files/upload.
 */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}
export interface StoredObject {
  size: number;
  firstBytes: Buffer;
  /** which version of the object this is (S3 VersionId; locally a hash of the content) */
  version: string;
}

export interface ObjectStore {
  presignPost(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<PresignedPost>;
  head(key: string): Promise<StoredObject | undefined>;
  /**
   * A short-lived URL to look at a stored file (an <Image> cannot send our Authorization header). With `version`, only
   * that version is served: bytes posted again on the same upload ticket after the check are never shown.
   */
  presignGet(key: string, expiresSeconds: number, version?: string): Promise<string>;
  /** Deletes the object, every version of it (the unused files sweep): nothing of it stays in the bucket. */
  remove(key: string): Promise<void>;
  /** Stores bytes the functions made themselves (an issued certificate's PDF). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or nothing when it is missing or larger than `maxBytes` (an upload to check). */
  read(key: string, maxBytes: number): Promise<Buffer | undefined>;
}

// ---- local folder -------------------------------------------------------------------------

/** Signature the local upload endpoint checks, the stand-in for S3's policy signature. */
export function localUploadSignature(secret: string, f: { key: string; contentType: string; maxBytes: string; expires: string }): string {
  return createHmac('sha256', secret).update(`${f.key}\n${f.contentType}\n${f.maxBytes}\n${f.expires}`).digest('hex');
}

/** Signature the local file endpoint checks before showing a stored file, the stand-in for S3's query signature. */
export function localGetSignature(secret: string, key: string, expires: string, version = ''): string {
  return createHmac('sha256', secret).update(`GET\n${key}\n${expires}\n${version}`).digest('hex');
}

/** The local store's version of a file: a hash of its content. */
export const localVersion = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 32);

export function dirStore(dir: string, uploadUrl: string, secret: string): ObjectStore {
  return {
    async presignGet(key, expiresSeconds, version) {
      const expires = String(Math.floor(Date.now() / 1000) + expiresSeconds);
      const url = new URL(uploadUrl.replace(/\/upload$/, '/file'));
      url.searchParams.set('key', key);
      url.searchParams.set('expires', expires);
      if (version) url.searchParams.set('version', version);
      url.searchParams.set('signature', localGetSignature(secret, key, expires, version));
      return url.toString();
    },
    async presignPost(key, contentType, maxBytes, expiresSeconds) {
      // real time, not the business clock: the store checks expiry against its own clock
      const fields = { key, contentType, maxBytes: String(maxBytes), expires: String(Math.floor(Date.now() / 1000) + expiresSeconds) };
      return { url: uploadUrl, fields: { ...fields, signature: localUploadSignature(secret, fields) } };
    },
    async remove(key) {
      const file = path.join(dir, key);
      if (file.startsWith(path.resolve(dir))) fs.rmSync(file, { force: true });
    },
    async put(key, bytes) {
      const file = path.resolve(dir, key);
      if (!file.startsWith(path.resolve(dir))) throw new Error('key outside the store');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    },
    async read(key, maxBytes) {
      const file = path.resolve(dir, key);
      if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).size > maxBytes) return undefined;
      return fs.readFileSync(file);
    },
    async head(key) {
      const file = path.join(dir, key);
      if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file)) return undefined;
      const fd = fs.openSync(file, 'r');
      try {
        const firstBytes = Buffer.alloc(16);
        const n = fs.readSync(fd, firstBytes, 0, 16, 0);
        return { size: fs.fstatSync(fd).size, firstBytes: firstBytes.subarray(0, n), version: localVersion(file) };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

// ---- S3 -----------------------------------------------------------------------------------

type S3 = typeof import('@aws-sdk/client-s3');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- S3 is loaded only on a deployed stage, never by the local stack
const loadS3 = () => require('@aws-sdk/client-s3') as S3;

/** A client for the files bucket; without `credentials` it takes the function's own (the Lambda runtime sets and renews them). */
export function s3Client(region: string, credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  return new (loadS3().S3Client)({ region, ...(credentials ? { credentials } : {}) });
}
type S3Client = InstanceType<S3['S3Client']>;

/** The AWS SDK's presigned POST (SigV4 POST policy): the object's key and type, and 1..maxBytes bytes. */
export async function s3PresignedPost(
  client: S3Client,
  o: { bucket: string; key: string; contentType: string; maxBytes: number; expiresSeconds: number },
): Promise<PresignedPost> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as loadS3: deployed stages only
  const { createPresignedPost } = require('@aws-sdk/s3-presigned-post') as typeof import('@aws-sdk/s3-presigned-post');
  const { url, fields } = await createPresignedPost(client as Parameters<typeof createPresignedPost>[0], {
    Bucket: o.bucket,
    Key: o.key,
    Fields: { 'Content-Type': o.contentType },
    Conditions: [['content-length-range', 1, o.maxBytes]],
    Expires: o.expiresSeconds,
  });
  return { url, fields };
}

/** The AWS SDK's presigned GET URL (SigV4 query signature); `at` fixes the signing time (tests). */
export async function s3PresignedGet(
  client: S3Client,
  o: { bucket: string; key: string; expiresSeconds: number; versionId?: string; at?: Date },
): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as loadS3: deployed stages only
  const { getSignedUrl } = require('@aws-sdk/s3-request-presigner') as typeof import('@aws-sdk/s3-request-presigner');
  const command = new (loadS3().GetObjectCommand)({ Bucket: o.bucket, Key: o.key, ...(o.versionId ? { VersionId: o.versionId } : {}) });
  return getSignedUrl(client as Parameters<typeof getSignedUrl>[0], command, { expiresIn: o.expiresSeconds, ...(o.at ? { signingDate: o.at } : {}) });
}

/**
 * A signed link on the files' own domain (`origin`, e.g. https://files.zwfw.yuexiu.gov.cn: ICP-filed, registered with
 * WeChat). The distribution there passes the path and query to S3 and keeps S3's Host, which is what the SigV4 signature
 * names, so only the link's origin changes. Empty: the bucket's endpoint (amazonaws.com, or amazonaws.com.cn in China).
 */
export function onOrigin(url: string, origin: string): string {
  if (!origin) return url;
  const u = new URL(url);
  const o = new URL(origin);
  u.protocol = o.protocol;
  u.host = o.host;
  return u.toString();
}

export function s3Store(bucket: string, region = process.env.AWS_REGION ?? 'ap-east-1', origin = env.filesOrigin, client?: S3Client): ObjectStore {
  const s3 = () => (client ??= s3Client(region));
  return {
    presignGet: async (key, expiresSeconds, version) => onOrigin(await s3PresignedGet(s3(), { bucket, key, expiresSeconds, versionId: version }), origin),
    presignPost: async (key, contentType, maxBytes, expiresSeconds) => {
      const p = await s3PresignedPost(s3(), { bucket, key, contentType, maxBytes, expiresSeconds });
      return { ...p, url: onOrigin(p.url, origin) };
    },
    async remove(key) {
      const { ListObjectVersionsCommand, DeleteObjectsCommand } = loadS3();
      const r = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, MaxKeys: 100 }));
      const all = [...(r.Versions ?? []), ...(r.DeleteMarkers ?? [])].filter((v) => v.Key === key);
      const versions = { Objects: all.map((v) => ({ Key: key, VersionId: v.VersionId })), Quiet: true };
      if (all.length) await s3().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: versions }));
    },
    async put(key, bytes, contentType) {
      await s3().send(new (loadS3().PutObjectCommand)({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async read(key, maxBytes) {
      try {
        // one byte more than allowed: a longer object is refused without reading all of it
        const r = await s3().send(new (loadS3().GetObjectCommand)({ Bucket: bucket, Key: key, Range: `bytes=0-${maxBytes}` }));
        const bytes = Buffer.from(await r.Body!.transformToByteArray());
        return bytes.length > maxBytes ? undefined : bytes;
      } catch (e) {
        if ((e as Error).name === 'NoSuchKey' || (e as Error).name === 'InvalidRange') return undefined;
        throw e;
      }
    },
    async head(key) {
      try {
        const r = await s3().send(new (loadS3().GetObjectCommand)({ Bucket: bucket, Key: key, Range: 'bytes=0-15' }));
        const firstBytes = Buffer.from(await r.Body!.transformToByteArray());
        const total = Number(/\/(\d+)$/.exec(r.ContentRange ?? '')?.[1] ?? r.ContentLength ?? 0);
        // the bucket keeps versions: the one checked here is the one links will show
        return { size: total, firstBytes, version: r.VersionId ?? r.ETag ?? '' };
      } catch (e) {
        if ((e as Error).name === 'NoSuchKey' || (e as Error).name === 'InvalidRange') return undefined;
        throw e;
      }
    },
  };
}

let store: ObjectStore | undefined;
export function objectStore(): ObjectStore {
  if (!store) {
    store = env.filesBucket ? s3Store(env.filesBucket) : dirStore(env.localFilesDir, env.localFilesUploadUrl, env.localFilesSecret);
  }
  return store;
}
export const resetObjectStore = () => {
  store = undefined;
};

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
