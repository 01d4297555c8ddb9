import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

/**
 * A local stand-in for S3, for exactly what photos use, path-style
 * (`/{bucket}/{key}`): PUT, HEAD, GET and DELETE of an object, each signed (AWS
 * Signature V4, in the query of a pre-signed URL or in the Authorization
 * header) with the local credentials the functions use on the local stack.
 * Like S3 it refuses an unsigned, tampered or expired request (403), so a
 * signed Content-Type and Content-Length bind the upload; it also refuses a
 * body whose length is not its Content-Length or is over 20 MB (400) and a
 * type that is neither an image nor a PDF (415): case photos and notice files. It answers CORS, so the H5 app in a browser
 * can PUT to it. Objects live in memory, or under `dataDir` when given.
 */
export const LOCAL_BUCKET = 'village-hall-photos-local';
const SECRET = 'local'; // the functions' local credentials (src/functions/lib/photos.ts)
const MAX_BYTES = 20 * 1024 * 1024;

interface StoredObject {
  body: Buffer;
  contentType: string;
}

export interface PhotoStore {
  endpoint: string;
  bucket: string;
  server: Server;
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,PUT,HEAD',
  'access-control-allow-headers': 'content-type',
  'access-control-expose-headers': 'etag,content-length,content-type',
  'access-control-max-age': '3600',
};

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
/** RFC 3986 encoding, as SigV4 wants it for query names and values. */
const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** 20261123T101500Z → a Date. */
const amzDate = (s: string) => {
  const m = s.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
};

type Verdict = { ok: true } | { ok: false; code: string; message: string };

/** Checks a request's SigV4 signature and its time, the way S3 would. */
function verify(req: IncomingMessage, url: URL, now: Date): Verdict {
  const q = url.searchParams;
  const header = req.headers.authorization;
  let credential: string;
  let signedHeaders: string;
  let signature: string;
  let date: string;
  let payloadHash: string;
  let expiresSeconds: number;
  if (q.has('X-Amz-Signature')) {
    credential = q.get('X-Amz-Credential') ?? '';
    signedHeaders = q.get('X-Amz-SignedHeaders') ?? '';
    signature = q.get('X-Amz-Signature') ?? '';
    date = q.get('X-Amz-Date') ?? '';
    payloadHash = q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    expiresSeconds = Number(q.get('X-Amz-Expires'));
    if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > 604_800)
      return { ok: false, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Expires is invalid' };
  } else if (header?.startsWith('AWS4-HMAC-SHA256 ')) {
    const part = (name: string) => header.match(new RegExp(`${name}=([^,\\s]+)`))?.[1] ?? '';
    credential = part('Credential');
    signedHeaders = part('SignedHeaders');
    signature = part('Signature');
    date = String(req.headers['x-amz-date'] ?? '');
    payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    expiresSeconds = 15 * 60; // S3 allows 15 minutes of clock skew for a signed header
  } else {
    return { ok: false, code: 'AccessDenied', message: 'Access Denied' };
  }
  const signedAt = amzDate(date);
  if (!signedAt) return { ok: false, code: 'AccessDenied', message: 'X-Amz-Date is invalid' };
  if (now.getTime() > signedAt.getTime() + expiresSeconds * 1000)
    return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  if (signedAt.getTime() > now.getTime() + 15 * 60 * 1000)
    return { ok: false, code: 'AccessDenied', message: 'Request is not yet valid' };
  const [, day, region, service] = credential.split('/');
  const scope = credential.split('/').slice(1).join('/');
  if (!day || day !== date.slice(0, 8) || !signedHeaders.split(';').includes('host'))
    return { ok: false, code: 'AuthorizationQueryParametersError', message: 'Credential or SignedHeaders malformed' };

  const query = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signedHeaders
    .split(';')
    .map((h) => {
      const v = req.headers[h];
      return `${h}:${(Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const path = (req.url ?? '/').split('?')[0];
  const canonical = [req.method, path, query, headers, signedHeaders, payloadHash].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, day), region), service), 'aws4_request');
  const expected = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return { ok: true };
}

const xmlError = (res: ServerResponse, status: number, code: string, message: string, head = false) => {
  res.writeHead(status, { ...cors, 'content-type': 'application/xml' });
  res.end(
    head
      ? undefined
      : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
};

/** Bytes of a request, up to `limit` (more is read and dropped, so the answer still reaches the client). */
const readBody = (req: IncomingMessage, limit: number) =>
  new Promise<{ body: Buffer; length: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (c: Buffer) => {
      length += c.length;
      if (length <= limit) chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), length }));
    req.on('error', reject);
  });

function objectStore(dataDir?: string) {
  const memory = new Map<string, StoredObject>();
  if (!dataDir)
    return {
      get: (k: string) => memory.get(k),
      put: (k: string, o: StoredObject) => memory.set(k, o),
      delete: (k: string) => memory.delete(k),
    };
  const file = (k: string) => join(dataDir, encodeURIComponent(k));
  return {
    get(k: string): StoredObject | undefined {
      if (!existsSync(file(k))) return undefined;
      const { contentType } = JSON.parse(readFileSync(`${file(k)}.json`, 'utf8'));
      return { body: readFileSync(file(k)), contentType };
    },
    put(k: string, o: StoredObject) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(`${file(k)}.json`, JSON.stringify({ contentType: o.contentType }));
      writeFileSync(file(k), o.body);
    },
    delete(k: string) {
      rmSync(file(k), { force: true });
      rmSync(`${file(k)}.json`, { force: true });
    },
  };
}

export async function startPhotoStore(
  options: { host?: string; port?: number; dataDir?: string; bucket?: string; publicHost?: string } = {},
): Promise<PhotoStore> {
  const bucket = options.bucket ?? LOCAL_BUCKET;
  const objects = objectStore(options.dataDir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return res.writeHead(200, cors).end();
    const [, b, ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const head = method === 'HEAD';
    if (b !== bucket) return xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', head);
    if (!/^[\w-]+(\/[\w-]+)*$/.test(key)) return xmlError(res, 400, 'InvalidArgument', 'Unsupported key', head);
    if (!['PUT', 'GET', 'HEAD', 'DELETE'].includes(method))
      return xmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed', head);
    const verdict = verify(req, url, new Date());
    if (!verdict.ok) {
      req.resume();
      return xmlError(res, 403, verdict.code, verdict.message, head);
    }
    if (method === 'PUT') {
      const declared = req.headers['content-length'];
      const contentType = req.headers['content-type'] ?? '';
      if (declared === undefined) {
        req.resume();
        return xmlError(res, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
      }
      if (Number(declared) > MAX_BYTES) {
        req.resume();
        return xmlError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      // It also stands in for the audit chain's anchor bucket (src/functions/lib/photos.ts putAnchorObject).
      const anchor = key.startsWith('anchors/') && contentType === 'application/json';
      if (!contentType.startsWith('image/') && contentType !== 'application/pdf' && !anchor) {
        req.resume();
        return xmlError(res, 415, 'UnsupportedMediaType', 'Only images and PDFs are stored here');
      }
      const { body, length } = await readBody(req, MAX_BYTES);
      if (length !== Number(declared))
        return xmlError(
          res,
          400,
          'IncompleteBody',
          'You did not provide the number of bytes specified by the Content-Length HTTP header',
        );
      objects.put(key, { body, contentType });
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      return res.writeHead(200, { ...cors, etag }).end();
    }
    if (method === 'DELETE') {
      objects.delete(key);
      return res.writeHead(204, cors).end();
    }
    const object = objects.get(key);
    if (!object) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.', head);
    res.writeHead(200, {
      ...cors,
      'content-type': object.contentType,
      'content-length': String(object.body.length),
      etag: `"${createHash('md5').update(object.body).digest('hex')}"`,
    });
    res.end(head ? undefined : object.body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://${options.publicHost ?? reachableHost(host)}:${port}`, bucket, server };
}

/** Listening on every interface (to open the app from a phone): URLs must name this machine's LAN address. */
function reachableHost(host: string) {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  return lan?.address ?? '127.0.0.1';
}

/**
 * Starts the stand-in and points this process's photo functions at it. Must run
 * before photo URLs are signed (the functions read these per call).
 */
export async function pointAtPhotoStore(options: { host?: string; dataDir?: string } = {}) {
  const store = await startPhotoStore(options);
  process.env.S3_ENDPOINT = store.endpoint;
  process.env.PHOTO_BUCKET = store.bucket;
  store.server.unref();
  return store;
}
