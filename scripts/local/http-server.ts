import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
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
  handler?: Handler;
}

const compile = (r: HttpRoute): CompiledRoute => {
  const names: string[] = [];
  const source = r.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, n) => {
    names.push(n);
    return '([^/]+)';
  });
  return { ...r, names, pattern: new RegExp(`^${source}$`) };
};

async function loadHandler(r: CompiledRoute): Promise<Handler> {
  if (!r.handler) {
    const mod = await import(join(root, r.module));
    r.handler = (mod[r.exportName] ?? mod.default?.[r.exportName]) as Handler;
    if (typeof r.handler !== 'function') throw new Error(`${r.module}.${r.exportName} is not a handler`);
  }
  return r.handler;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

function toEvent(
  req: IncomingMessage,
  url: URL,
  path: string,
  route: CompiledRoute,
  match: RegExpExecArray,
  body: Buffer,
) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const pathParameters = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
  const requestId = randomUUID();
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

function serveStatic(dir: string, path: string, res: ServerResponse) {
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  const target = file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : join(dir, 'index.html');
  if (!existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build not found: run npm run build:h5');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(target)] ?? 'application/octet-stream' });
  createReadStream(target).pipe(res);
}

export interface LocalServerOptions {
  port?: number;
  host?: string;
  /** Serve the H5 build from here (the API then lives under /api). */
  staticDir?: string;
}

export async function startHttpServer(options: LocalServerOptions = {}): Promise<{ server: Server; url: string }> {
  const routes = httpRoutes().map(compile);
  const apiPrefix = options.staticDir ? '/api' : '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (apiPrefix && !url.pathname.startsWith(`${apiPrefix}/`))
      return serveStatic(options.staticDir!, url.pathname, res);
    const path = url.pathname.slice(apiPrefix.length) || '/';
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res
        .writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'authorization,content-type,idempotency-key',
          'access-control-allow-methods': 'GET,POST,PUT,DELETE',
        })
        .end();
      return;
    }
    const candidates = routes.filter((r) => r.pattern.test(path));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      // API Gateway's own answers for unknown routes and wrong methods.
      res.writeHead(candidates.length ? 405 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: candidates.length ? 'Method Not Allowed' : 'Not Found' }));
      return;
    }
    try {
      const { event, context } = toEvent(req, url, path, route, route.pattern.exec(path)!, await readBody(req));
      const result = await (await loadHandler(route))(event, context);
      res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
      res.end(result.body ?? '');
    } catch (e) {
      // Only reached if a handler escapes middy's error mapping: API Gateway would answer 500 too.
      console.error('local gateway: handler crashed', route.functionName, e instanceof Error ? e.name : e);
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'Internal Server Error' }));
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}` };
}
