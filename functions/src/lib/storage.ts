import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

/**
 * Object storage for uploaded materials. The browser or WeChat posts the file straight to the
 * store with a presigned POST (the API never carries file bytes); the API then inspects the
 * stored object. Production: S3 (SigV4 POST policy with content-length-range). Local: a folder
 * behind the same interface, served by the local stack at /local-files/upload.
 */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}
export interface StoredObject {
  size: number;
  firstBytes: Buffer;
}

export interface ObjectStore {
  presignPost(key: string, contentType: string, maxBytes: number, expiresSeconds: number): PresignedPost;
  head(key: string): Promise<StoredObject | undefined>;
  /** A short-lived URL to look at a stored file (an <Image> cannot send our Authorization header). */
  presignGet(key: string, expiresSeconds: number): string;
}

// ---- local folder -------------------------------------------------------------------------

/** Signature the local upload endpoint checks, the stand-in for S3's policy signature. */
export function localUploadSignature(secret: string, f: { key: string; contentType: string; maxBytes: string; expires: string }): string {
  return createHmac('sha256', secret).update(`${f.key}\n${f.contentType}\n${f.maxBytes}\n${f.expires}`).digest('hex');
}

/** Signature the local file endpoint checks before showing a stored file, the stand-in for S3's query signature. */
export function localGetSignature(secret: string, key: string, expires: string): string {
  return createHmac('sha256', secret).update(`GET\n${key}\n${expires}`).digest('hex');
}

export function dirStore(dir: string, uploadUrl: string, secret: string): ObjectStore {
  return {
    presignGet(key, expiresSeconds) {
      const expires = String(Math.floor(Date.now() / 1000) + expiresSeconds);
      const url = new URL(uploadUrl.replace(/\/upload$/, '/file'));
      url.searchParams.set('key', key);
      url.searchParams.set('expires', expires);
      url.searchParams.set('signature', localGetSignature(secret, key, expires));
      return url.toString();
    },
    presignPost(key, contentType, maxBytes, expiresSeconds) {
      // real time, not the business clock: the store checks expiry against its own clock
      const fields = { key, contentType, maxBytes: String(maxBytes), expires: String(Math.floor(Date.now() / 1000) + expiresSeconds) };
      return { url: uploadUrl, fields: { ...fields, signature: localUploadSignature(secret, fields) } };
    },
    async head(key) {
      const file = path.join(dir, key);
      if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file)) return undefined;
      const fd = fs.openSync(file, 'r');
      try {
        const firstBytes = Buffer.alloc(16);
        const n = fs.readSync(fd, firstBytes, 0, 16, 0);
        return { size: fs.fstatSync(fd).size, firstBytes: firstBytes.subarray(0, n) };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

// ---- S3 -----------------------------------------------------------------------------------

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** What SigV4 signs with: the caller's keys (and the session's token for temporary ones). */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SigV4's time stamp and its day: `20261126T101500Z`, `20261126`. */
function amzTime(at: Date) {
  const amzDate = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, day: amzDate.slice(0, 8) };
}

/** SigV4's signing key for S3 in a region on a day. */
const signingKey = (secretAccessKey: string, day: string, region: string) =>
  hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');

/** HMAC-SHA256 of the string to sign under the signing key, as hex: the signature. */
const signature = (c: S3Credentials, day: string, region: string, toSign: string) =>
  createHmac('sha256', signingKey(c.secretAccessKey, day, region))
    .update(toSign)
    .digest('hex');

/** SigV4-signed POST policy (browser-based upload), so no extra SDK package is needed. */
export function s3PresignedPost(o: {
  bucket: string;
  region: string;
  key: string;
  contentType: string;
  maxBytes: number;
  expiresSeconds: number;
  credentials: S3Credentials;
  at: Date;
}): PresignedPost {
  const { amzDate, day } = amzTime(o.at);
  const credential = `${o.credentials.accessKeyId}/${day}/${o.region}/s3/aws4_request`;
  const fields: Record<string, string> = {
    key: o.key,
    'Content-Type': o.contentType,
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    'x-amz-credential': credential,
    'x-amz-date': amzDate,
    ...(o.credentials.sessionToken ? { 'x-amz-security-token': o.credentials.sessionToken } : {}),
  };
  const policy = {
    expiration: new Date(o.at.getTime() + o.expiresSeconds * 1000).toISOString(),
    conditions: [{ bucket: o.bucket }, ['content-length-range', 1, o.maxBytes], ...Object.entries(fields).map(([k, v]) => ({ [k]: v }))],
  };
  const policyB64 = Buffer.from(JSON.stringify(policy)).toString('base64');
  return {
    url: `https://${o.bucket}.s3.${o.region}.amazonaws.com/`,
    fields: { ...fields, policy: policyB64, 'x-amz-signature': signature(o.credentials, day, o.region, policyB64) },
  };
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4 query-string presigned GET (the S3 "presigned URL"), again without an extra SDK package. */
export function s3PresignedGet(o: { host: string; region: string; key: string; expiresSeconds: number; credentials: S3Credentials; at: Date }): string {
  const { amzDate, day } = amzTime(o.at);
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const objectPath = `/${o.key.split('/').map(rfc3986).join('/')}`;
  const query: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${o.credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(o.expiresSeconds),
    ...(o.credentials.sessionToken ? { 'X-Amz-Security-Token': o.credentials.sessionToken } : {}),
    'X-Amz-SignedHeaders': 'host',
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(query[k])}`)
    .join('&');
  const canonicalRequest = ['GET', objectPath, canonicalQuery, `host:${o.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  return `https://${o.host}${objectPath}?${canonicalQuery}&X-Amz-Signature=${signature(o.credentials, day, o.region, toSign)}`;
}

/** The function's own credentials (the Lambda runtime sets them; read each time, as they are renewed). */
const credentials = (): S3Credentials => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  sessionToken: process.env.AWS_SESSION_TOKEN,
});

function s3Store(bucket: string): ObjectStore {
  const region = process.env.AWS_REGION ?? 'ap-east-1';
  return {
    presignGet(key, expiresSeconds) {
      return s3PresignedGet({
        host: `${bucket}.s3.${region}.amazonaws.com`,
        region,
        key,
        expiresSeconds,
        at: new Date(),
        credentials: credentials(),
      });
    },
    presignPost(key, contentType, maxBytes, expiresSeconds) {
      return s3PresignedPost({
        bucket,
        region,
        key,
        contentType,
        maxBytes,
        expiresSeconds,
        at: new Date(),
        credentials: credentials(),
      });
    },
    async head(key) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- S3 is loaded only on a deployed stage, never by the local stack
      const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
      const s3 = new S3Client({ region });
      try {
        const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-15' }));
        const firstBytes = Buffer.from(await r.Body!.transformToByteArray());
        const total = Number(/\/(\d+)$/.exec(r.ContentRange ?? '')?.[1] ?? r.ContentLength ?? 0);
        return { size: total, firstBytes };
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
