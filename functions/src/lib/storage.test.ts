import { localGetSignature, dirStore, s3PresignedGet } from './storage';

describe('presigned GET', () => {
  it('signs like S3: the AWS documentation example (examplebucket, test.txt, 2013-05-24)', () => {
    const url = s3PresignedGet({
      host: 'examplebucket.s3.amazonaws.com',
      region: 'us-east-1',
      key: 'test.txt',
      expiresSeconds: 86400,
      at: new Date('2013-05-24T00:00:00Z'),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    });
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('gives the local folder a signed, expiring URL its endpoint can check', () => {
    const url = new URL(dirStore('/tmp/x', 'http://127.0.0.1:8080/local-files/upload', 'secret').presignGet('u/f_abc/photo.png', 600));
    expect(url.pathname).toBe('/local-files/file');
    const expires = url.searchParams.get('expires')!;
    expect(Number(expires) * 1000).toBeGreaterThan(Date.now());
    expect(url.searchParams.get('signature')).toBe(localGetSignature('secret', 'u/f_abc/photo.png', expires));
    expect(localGetSignature('other', 'u/f_abc/photo.png', expires)).not.toBe(url.searchParams.get('signature'));
  });
});
