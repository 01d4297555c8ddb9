import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AppError, type FieldProblem, noSuchRoute, validation } from '../../src/functions/lib/errors';
import { routes as apiRoutes, bodyLimit, type Route } from '../../src/shared/api';
import type { ApiError } from '../../src/shared/schemas/common';
import { type HttpRoute, httpRoutes, root } from './serverless-config';

/**
 * A small stand-in for API Gateway (HTTP API) on the local stack: it reads the
 * routes from serverless.yml, turns each request into the same v2 event Lambda
 * would receive, and calls the very handler that would be deployed. It also
 * serves the H5 build, so the app and the API share one origin (API under /api).
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute extends HttpRoute {
  pattern: RegExp;
  names: string[];
  maxBodyBytes: number;
  handler?: Handler;
}

const compile = (r: HttpRoute): CompiledRoute => {
  const names: string[] = [];
  const source = r.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, n) => {
    names.push(n);
    return '([^/]+)';
  });
  const declared = Object.values(apiRoutes as Record<string, Route>).find(
    (a) => a.method === r.method && a.path === r.path,
  );
  return { ...r, names, pattern: new RegExp(`^${source}$`), maxBodyBytes: bodyLimit(declared ?? {}) };
};

async function loadHandler(r: CompiledRoute): Promise<Handler> {
  if (!r.handler) {
    const mod = await import(join(root, r.module));
    r.handler = (mod[r.exportName] ?? mod.default?.[r.exportName]) as Handler;
    if (typeof r.handler !== 'function') throw new Error(`${r.module}.${r.exportName} is not a handler`);
  }
  return r.handler;
}

/** The client hung up before its request was whole: nothing to answer, nobody to answer to. */
class ClientGone extends Error {}

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
/** The app's error body (as the http wrapper sends it), for what the gateway refuses before a handler runs. */
const errorBody = (e: AppError, requestId: string) =>
  JSON.stringify({ error: { code: e.code, message: e.message, fields: e.fields, requestId } } satisfies ApiError);
const requestProblem = (status: number, message: string) =>
  new AppError('validation', status, message, [{ path: 'request', message }]);
const tooLarge = (limit: number) => requestProblem(413, `请求内容过长（最多 ${Math.round(limit / 1024)} KB）`);

/**
 * Reads a body of at most `limit` bytes. A longer one is refused as soon as its
 * declared length or the bytes so far say so, and the rest is never kept.
 */
const readBody = (req: IncomingMessage, limit: number) =>
  new Promise<Buffer>((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return chunks.push(c);
      req.off('data', onData);
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // Every request closes; only one closed before its end is a client gone (an Error is not made for nothing).
    req.on('close', () => req.complete || reject(new ClientGone()));
  });

/** Path parameters as API Gateway hands them over, decoded; a broken %-escape is the client's mistake. */
function pathParameters(route: CompiledRoute, match: RegExpExecArray) {
  const params: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  route.names.forEach((name, i) => {
    try {
      params[name] = decodeURIComponent(match[i + 1]);
    } catch {
      problems.push({ path: name, message: '网址中的 % 编码无效' });
    }
  });
  if (problems.length) throw validation(problems);
  return params;
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  path: string,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  body: Buffer,
  requestId: string,
) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const routeKey = `${route.method} ${route.path}`;
  const event = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: route.names.length ? pathParameters : undefined,
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      requestId,
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: {
        method: route.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
    },
  } as APIGatewayProxyEventV2;
  const context = { awsRequestId: requestId, functionName: route.functionName } as Context;
  return { event, context };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Text worth packing: on a village line every byte of the app's scripts is a wait. */
const packable = new Set(['.html', '.js', '.css', '.svg', '.json']);

/**
 * The encoding to send, by what the client accepts: brotli (the smallest), else gzip,
 * else none. A q=0 in Accept-Encoding refuses that encoding.
 */
export function chooseEncoding(acceptEncoding = ''): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

const pack = (raw: Buffer, encoding: 'br' | 'gzip') =>
  encoding === 'br'
    ? brotliCompressSync(raw, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      })
    : gzipSync(raw, { level: zlibConstants.Z_BEST_COMPRESSION });

/**
 * Packed copies of the build's files, made once per file version (path, size and
 * time of change) at brotli's and gzip's best settings, kept in memory and on disk
 * outside the build (so a deploy never uploads them): packing a large chunk at the
 * best setting takes a second of CPU, which every test file's server would
 * otherwise spend again, blocking its API meanwhile. A rebuild changes the time,
 * so a stale copy is never sent.
 */
const packed = new Map<string, Buffer>();
const PACKED_DIR = join(root, 'node_modules', '.cache', 'village-hall-h5');
function packedCopy(file: string, encoding: 'br' | 'gzip') {
  const { size, mtimeMs } = statSync(file);
  const key = `${encoding} ${file} ${size} ${mtimeMs}`;
  const cached = packed.get(key);
  if (cached) return cached;
  const onDisk = join(PACKED_DIR, createHash('sha256').update(key).digest('hex'));
  let copy: Buffer;
  if (existsSync(onDisk)) copy = readFileSync(onDisk);
  else {
    copy = pack(readFileSync(file), encoding);
    mkdirSync(PACKED_DIR, { recursive: true });
    const partial = `${onDisk}.${process.pid}`;
    writeFileSync(partial, copy);
    renameSync(partial, onDisk); // whole or absent, whichever process packs it first
  }
  packed.set(key, copy);
  return copy;
}

function serveStatic(dir: string, path: string, req: IncomingMessage, res: ServerResponse) {
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  const inside = file.startsWith(dir + sep);
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(dir, 'index.html');
  if (!existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build not found: run npm run build:h5');
    return;
  }
  const canPack = packable.has(extname(target));
  const headers = {
    'content-type': types[extname(target)] ?? 'application/octet-stream',
    ...(canPack ? { vary: 'accept-encoding' } : {}),
  };
  const encoding = canPack ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  if (encoding) {
    res.writeHead(200, { ...headers, 'content-encoding': encoding }).end(packedCopy(target, encoding));
    return;
  }
  res.writeHead(200, headers);
  pipeline(createReadStream(target), res, () => {}); // a file gone or a reader gone: the socket closes either way
}

export interface LocalServerOptions {
  port?: number;
  host?: string;
  /** Serve the H5 build from here (the API then lives under /api). */
  staticDir?: string;
  /** How long a client may take to send its headers (default 10 s)… */
  headersTimeoutMs?: number;
  /** …and its whole request, body included (default 60 s: a 6 MB roster over weak village Wi-Fi). */
  requestTimeoutMs?: number;
}

/** A target as sent: `//` or `*` is not a URL relative to a base, so it is read as a path on this host. */
const parseTarget = (target = '/') => new URL(`http://localhost${target.startsWith('/') ? target : `/${target}`}`);

const CORS_PREFLIGHT = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE',
};

export async function startHttpServer(options: LocalServerOptions = {}): Promise<{ server: Server; url: string }> {
  // The catch-all (ANY /{proxy+}) is what the branch below for no route stands in for.
  const routes = httpRoutes()
    .filter((r) => r.method !== '*')
    .map(compile);
  const apiPrefix = options.staticDir ? '/api' : '';
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 60_000, headersTimeout);
  // Sockets whose request Node timed out: their close is the gateway's doing, not the client's.
  const timedOut = new WeakSet<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = parseTarget(req.url);
    if (apiPrefix && !url.pathname.startsWith(`${apiPrefix}/`))
      return serveStatic(options.staticDir!, url.pathname, req, res);
    const path = url.pathname.slice(apiPrefix.length) || '/';
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return void res.writeHead(204, CORS_PREFLIGHT).end();
    const candidates = routes.filter((r) => r.pattern.test(path));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      // What serverless.yml's catch-all route (health/handler.unknownRoute) answers on AWS; a wrong method says so.
      const e = candidates.length ? new AppError('not_found', 405, `这个接口不接受 ${method} 请求`) : noSuchRoute();
      return void res.writeHead(e.status, jsonHeaders).end(errorBody(e, requestId));
    }
    const routeKey = `${route.method} ${route.path}`;
    res.on('close', () => {
      if (!res.writableFinished && !timedOut.has(req.socket))
        console.warn('local gateway: client disconnected before the answer', routeKey, requestId);
    });
    try {
      const params = pathParameters(route, route.pattern.exec(path)!);
      const body = await readBody(req, route.maxBodyBytes);
      const { event, context } = toEvent(req, url, path, route, params, body, requestId);
      const result = await (await loadHandler(route))(event, context);
      if (res.destroyed) return;
      res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
      res.end(result.body ?? '');
    } catch (e) {
      if (e instanceof ClientGone || res.headersSent || res.destroyed) return;
      if (e instanceof AppError) {
        // A body refused half-read would otherwise be read to its end to keep the connection: close it instead.
        const close = e.status === 413 ? { connection: 'close' } : {};
        return void res.writeHead(e.status, { ...jsonHeaders, ...close }).end(errorBody(e, requestId));
      }
      // Only reached if a handler escapes middy's error mapping: API Gateway would answer 500 too.
      console.error('local gateway: handler crashed', route.functionName, e instanceof Error ? e.name : e);
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'Internal Server Error' }));
    }
  }

  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout / 4) },
    (req, res) => {
      const requestId = randomUUID();
      // The error boundary: whatever a request does, it is answered (or dropped), and the process lives on.
      handle(req, res, requestId).catch((e) => {
        console.error('local gateway: request failed', requestId, e instanceof Error ? e.name : e);
        if (!res.headersSent && !res.destroyed)
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  // Requests Node refuses before the gateway sees them (too slow, malformed, headers too long), in the app's shape.
  server.on('clientError', (e: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (e.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      timedOut.add(socket);
      console.warn('local gateway: request timed out', inFlight ? 'in its body' : 'in its headers');
    }
    const refusal =
      e.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? requestProblem(408, '请求发送超时，请检查网络后重试')
        : e.code === 'HPE_HEADER_OVERFLOW'
          ? requestProblem(431, '请求头过长')
          : e.code?.startsWith('HPE_') && e.code !== 'HPE_INVALID_EOF_STATE'
            ? requestProblem(400, '请求格式不正确')
            : undefined; // the client hung up: a request in flight logs that when its answer can't go out
    if (refusal && socket.writable && !inFlight?.headersSent) {
      const body = errorBody(refusal, randomUUID());
      const head = Object.entries({ ...jsonHeaders, 'content-length': Buffer.byteLength(body), connection: 'close' })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.end(`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n${head}\r\n${body}`, () =>
        socket.destroy(),
      );
    } else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}` };
}
