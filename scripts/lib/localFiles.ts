import Busboy from 'busboy';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { localGetSignature, localUploadSignature, localVersion } from '../../functions/src/lib/storage';

/**
 * The local stand-in for S3's browser POST upload: checks the signed fields (key, type, size
 * limit, expiry) exactly as the API issued them, streams the file into a folder, and refuses
 * anything over the limit without keeping it.
 */
export function localFilesHandler(opts: { dir: string; secret: string }) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const fail = (status: number, message: string) => {
      if (res.headersSent) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'UPLOAD_REJECTED', message } }));
    };
    if (req.method !== 'POST') return fail(405, '只支持 POST 上传');
    const fields: Record<string, string> = {};
    let bb: ReturnType<typeof Busboy>;
    try {
      bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 20, fileSize: 20 * 1024 * 1024 } });
    } catch {
      return fail(400, '上传格式不正确');
    }
    let handled = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (_name, stream, info) => {
      handled = true;
      stream.on('error', () => fail(400, '上传格式不正确'));
      const { key, contentType, maxBytes, expires, signature } = fields;
      const expected = key && contentType && maxBytes && expires ? localUploadSignature(opts.secret, { key, contentType, maxBytes, expires }) : '';
      if (!signature || signature !== expected) {
        stream.resume();
        return fail(403, '上传凭证无效');
      }
      if (Number(expires) * 1000 < Date.now()) {
        stream.resume();
        return fail(403, '上传凭证已过期，请重新选择文件');
      }
      if (info.mimeType !== contentType) {
        stream.resume();
        return fail(400, '文件类型与申请上传时不一致');
      }
      const target = path.join(opts.dir, key);
      if (!target.startsWith(path.resolve(opts.dir))) {
        stream.resume();
        return fail(400, '文件名不正确');
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      const out = fs.createWriteStream(tmp);
      let size = 0;
      let tooBig = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > Number(maxBytes) && !tooBig) {
          tooBig = true;
          out.destroy();
          fs.rmSync(tmp, { force: true });
          fail(413, `文件太大，不能超过 ${(Number(maxBytes) / 1024 / 1024).toFixed(0)} MB`);
        }
      });
      stream.pipe(out);
      out.on('finish', () => {
        if (tooBig) return;
        if (size === 0) {
          fs.rmSync(tmp, { force: true });
          return fail(400, '文件是空的');
        }
        fs.renameSync(tmp, target);
        res.writeHead(204);
        res.end();
      });
    });
    bb.on('close', () => {
      if (!handled) fail(400, '没有收到文件');
    });
    // a malformed multipart body is the client's mistake: 400, and the local stack stays up
    bb.on('error', () => fail(400, '上传格式不正确'));
    req.pipe(bb);
  };
}

/** The local stand-in for an S3 presigned GET: shows a stored file when the URL's signature and expiry hold. */
export function localFileGetHandler(opts: { dir: string; secret: string }) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const key = url.searchParams.get('key') ?? '';
    const expires = url.searchParams.get('expires') ?? '';
    const deny = (status: number) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? '文件不存在' : '链接无效或已过期');
    };
    if (req.method !== 'GET' || !key || !expires) return deny(400);
    const version = url.searchParams.get('version') ?? '';
    if (url.searchParams.get('signature') !== localGetSignature(opts.secret, key, expires, version)) return deny(403);
    if (Number(expires) * 1000 < Date.now()) return deny(403);
    const root = path.resolve(opts.dir);
    const target = path.resolve(root, key);
    if (!target.startsWith(`${root}${path.sep}`) || !fs.existsSync(target)) return deny(404);
    // like S3 with a VersionId: only the version that was checked (bytes posted later on the same ticket are not it)
    if (version && localVersion(target) !== version) return deny(404);
    const head = Buffer.alloc(4);
    const fd = fs.openSync(target, 'r');
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    const type =
      head[0] === 0x89 && head[1] === 0x50
        ? 'image/png'
        : head[0] === 0xff && head[1] === 0xd8
          ? 'image/jpeg'
          : head.toString('latin1') === '%PDF'
            ? 'application/pdf'
            : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'private, max-age=600' });
    fs.createReadStream(target).pipe(res);
  };
}
