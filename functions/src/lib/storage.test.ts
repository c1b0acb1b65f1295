import { createHash, createHmac } from 'node:crypto';
import { localGetSignature, dirStore, s3Client, s3PresignedGet, s3PresignedPost, s3Store } from './storage';

/**
 * An independent SigV4 check for the SDK's output, written from AWS's documentation. It is first shown to give
 * the documented signature of AWS's own example, so a URL or POST form that passes it is signed as S3 expects.
 */
const AWS_EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const signingKey = (secret: string, day: string, region: string) => hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The signature a query-signed GET URL should carry (host the only signed header, unsigned payload). */
function expectedQuerySignature(url: string, secret: string) {
  const u = new URL(url);
  const params = [...u.searchParams].filter(([k]) => k !== 'X-Amz-Signature');
  const canonicalQuery = params
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  expect(u.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
  const canonicalRequest = ['GET', u.pathname, canonicalQuery, `host:${u.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const [, day, region] = u.searchParams.get('X-Amz-Credential')!.split('/');
  const toSign = [
    'AWS4-HMAC-SHA256',
    u.searchParams.get('X-Amz-Date'),
    `${day}/${region}/s3/aws4_request`,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  return createHmac('sha256', signingKey(secret, day, region))
    .update(toSign)
    .digest('hex');
}

describe('the SigV4 check itself', () => {
  it("gives the signature of AWS's documented presigned URL (examplebucket, test.txt, 2013-05-24)", () => {
    const documented =
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    expect(expectedQuerySignature(documented, AWS_EXAMPLE.secretAccessKey)).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });
});

describe('presigned GET (AWS SDK)', () => {
  it("signs AWS's documented example request with its keys and time as S3 checks it", async () => {
    const url = await s3PresignedGet(s3Client('us-east-1', AWS_EXAMPLE), {
      bucket: 'examplebucket',
      key: 'test.txt',
      expiresSeconds: 86400,
      at: new Date('2013-05-24T00:00:00Z'),
    });
    const u = new URL(url);
    expect(u.pathname).toBe('/test.txt');
    expect(u.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(u.searchParams.get('X-Amz-Date')).toBe('20130524T000000Z');
    expect(u.searchParams.get('X-Amz-Expires')).toBe('86400');
    expect(u.searchParams.get('X-Amz-Signature')).toBe(expectedQuerySignature(url, AWS_EXAMPLE.secretAccessKey));
  });

  it('carries the session token of temporary credentials and encodes the key', async () => {
    const url = await s3PresignedGet(s3Client('ap-east-1', { ...AWS_EXAMPLE, sessionToken: 'TOKEN/+=' }), {
      bucket: 'yx-prod-files',
      key: 'materials/u 1/f_abc',
      expiresSeconds: 600,
    });
    const u = new URL(url);
    expect(u.host).toBe('yx-prod-files.s3.ap-east-1.amazonaws.com');
    expect(u.pathname).toBe('/materials/u%201/f_abc');
    expect(u.searchParams.get('X-Amz-Security-Token')).toBe('TOKEN/+=');
    expect(u.searchParams.get('X-Amz-Signature')).toBe(expectedQuerySignature(url, AWS_EXAMPLE.secretAccessKey));
  });

  it('gives the local folder a signed, expiring URL its endpoint can check', async () => {
    const url = new URL(await dirStore('/tmp/x', 'http://127.0.0.1:8080/local-files/upload', 'secret').presignGet('u/f_abc/photo.png', 600));
    expect(url.pathname).toBe('/local-files/file');
    const expires = url.searchParams.get('expires')!;
    expect(Number(expires) * 1000).toBeGreaterThan(Date.now());
    expect(url.searchParams.get('signature')).toBe(localGetSignature('secret', 'u/f_abc/photo.png', expires));
    expect(localGetSignature('other', 'u/f_abc/photo.png', expires)).not.toBe(url.searchParams.get('signature'));
  });
});

describe('mainland China: the China partition and the files domain (issue 13)', () => {
  it('signs for amazonaws.com.cn in cn-northwest-1, and puts the ICP-filed files domain in the links without touching the signature', async () => {
    const client = s3Client('cn-northwest-1', AWS_EXAMPLE);
    const bare = new URL(await s3PresignedGet(client, { bucket: 'yx-cn-files', key: 'materials/u1/f_abc', expiresSeconds: 600 }));
    expect(bare.host).toBe('yx-cn-files.s3.cn-northwest-1.amazonaws.com.cn');
    const store = s3Store('yx-cn-files', 'cn-northwest-1', 'https://files.zwfw.yuexiu.gov.cn', client);
    const link = new URL(await store.presignGet('materials/u1/f_abc', 600, 'v1'));
    expect(link.origin).toBe('https://files.zwfw.yuexiu.gov.cn');
    expect(link.pathname).toBe('/materials/u1/f_abc');
    expect(link.searchParams.get('versionId')).toBe('v1');
    expect(link.searchParams.get('X-Amz-Credential')).toContain('/cn-northwest-1/s3/aws4_request');
    // the signature is S3's, for S3's host: the distribution keeps that host when it passes the request on
    expect(link.searchParams.get('X-Amz-Signature')).toBe(
      expectedQuerySignature(link.toString().replace(link.origin, 'https://yx-cn-files.s3.cn-northwest-1.amazonaws.com.cn'), AWS_EXAMPLE.secretAccessKey),
    );
    const post = await store.presignPost('materials/u1/f_abc', 'image/png', 1000, 600);
    expect(post.url).toBe('https://files.zwfw.yuexiu.gov.cn/');
    expect(post.fields['X-Amz-Credential']).toContain('/cn-northwest-1/s3/aws4_request');
  });
});

describe('removing an unused upload', () => {
  it('deletes every version and delete marker of exactly that key, so nothing of it stays in the versioned bucket', async () => {
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const client = {
      send: async (c: { constructor: { name: string }; input: Record<string, unknown> }) => {
        sent.push({ name: c.constructor.name, input: c.input });
        if (c.constructor.name === 'ListObjectVersionsCommand')
          return {
            Versions: [
              { Key: 'materials/u1/f_a', VersionId: 'v1' },
              { Key: 'materials/u1/f_a', VersionId: 'v2' },
              { Key: 'materials/u1/f_ab', VersionId: 'other' }, // shares the prefix only
            ],
            DeleteMarkers: [{ Key: 'materials/u1/f_a', VersionId: 'm1' }],
          };
        return {};
      },
    } as unknown as Parameters<typeof s3Store>[3];
    await s3Store('yx-prod-files', 'ap-east-1', '', client).remove('materials/u1/f_a');
    const del = sent.find((c) => c.name === 'DeleteObjectsCommand')!.input as { Delete: { Objects: { VersionId: string }[] } };
    expect(del.Delete.Objects.map((o) => o.VersionId)).toEqual(['v1', 'v2', 'm1']);
  });
});

describe('presigned POST (AWS SDK)', () => {
  it('bounds the key, type and size in a policy signed with the SigV4 signing key', async () => {
    const before = Date.now();
    const { url, fields } = await s3PresignedPost(s3Client('ap-east-1', { ...AWS_EXAMPLE, sessionToken: 'TOKEN' }), {
      bucket: 'yx-prod-files',
      key: 'materials/u1/f_abc',
      contentType: 'image/png',
      maxBytes: 10_000_000,
      expiresSeconds: 900,
    });
    expect(url).toBe('https://yx-prod-files.s3.ap-east-1.amazonaws.com/');
    expect(fields).toMatchObject({
      key: 'materials/u1/f_abc',
      'Content-Type': 'image/png',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Security-Token': 'TOKEN',
    });
    const [accessKeyId, day, region, service] = fields['X-Amz-Credential'].split('/');
    expect([accessKeyId, region, service]).toEqual([AWS_EXAMPLE.accessKeyId, 'ap-east-1', 's3']);
    expect(fields['X-Amz-Date'].slice(0, 8)).toBe(day);

    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString()) as { expiration: string; conditions: unknown[] };
    const expiresAt = Date.parse(policy.expiration);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 10_000_000],
        { bucket: 'yx-prod-files' },
        { key: 'materials/u1/f_abc' },
        { 'Content-Type': 'image/png' },
        { 'X-Amz-Security-Token': 'TOKEN' },
      ]),
    );
    expect(fields['X-Amz-Signature']).toBe(
      createHmac('sha256', signingKey(AWS_EXAMPLE.secretAccessKey, day, region))
        .update(fields.Policy)
        .digest('hex'),
    );
  });
});
