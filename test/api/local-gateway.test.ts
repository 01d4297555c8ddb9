import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { persistedSecret } from '../../scripts/local/stack';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The local gateway is what `npm start -- --host 0.0.0.0` puts on a LAN and what
 * every API test talks to: nothing a client sends may take it down. These tests
 * speak raw HTTP over a socket, as a careless or hostile client would.
 */
let api: TestApi;
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 1_500;
beforeAll(async () => {
  api = await startTestApi('gateway', {
    gateway: { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS },
  });
});
afterAll(() => api.stop());

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw connection to the gateway; `reply` resolves with the first whole response (or what came before close). */
function open() {
  const { hostname, port } = new URL(api.url);
  const socket: Socket = connect(Number(port), hostname);
  socket.on('error', () => {}); // the gateway may cut us off mid-body: that is the point of some tests
  let received = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const reply = new Promise<RawReply>((resolve, reject) => {
    const tryParse = () => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const rest = received.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
      const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest;
      if (!body || body.length < Number(headers['content-length'] ?? 0)) return false;
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') });
      return true;
    };
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      tryParse();
    });
    socket.on('close', () => {
      if (!tryParse()) reject(new Error(`connection closed without an answer: ${JSON.stringify(String(received))}`));
    });
  });
  reply.catch(() => {});
  return { socket, reply, closed };
}

/** A chunked body, once its last chunk is in. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = Number.parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    if (data.length < eol + 2 + size + 2) return undefined;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

const head = (lines: string[]) => `${lines.join('\r\n')}\r\nHost: gateway.test\r\n\r\n`;
const CHINESE = /[\u4e00-\u9fff]/;

/** The app's error shape, with a message a villager can read. */
function expectAppError(reply: RawReply, status: number, field?: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const { error } = JSON.parse(reply.body);
  expect(error).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.stringMatching(CHINESE),
      requestId: expect.any(String),
    }),
  );
  if (field) expect(error.fields).toEqual([{ path: field, message: expect.stringMatching(CHINESE) }]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('answers a request for `//` instead of exiting', async () => {
  const conn = open();
  conn.socket.write(head(['GET // HTTP/1.1']));
  expect((await conn.reply).status).toBe(404);
  conn.socket.destroy();
  expect((await api.anonymous.get('/health')).status).toBe(200);
});

it.each(['/notices/%E0%A4%A', '/people/%E0%A4%A', '/cases/%ZZ'])(
  'answers a malformed %%-escape in %s with a 400 naming the path part',
  async (path) => {
    const conn = open();
    conn.socket.write(head([`GET ${path} HTTP/1.1`]));
    const reply = await conn.reply;
    const param = { notices: 'noticeId', people: 'personId', cases: 'caseId' }[path.split('/')[1]];
    expectAppError(reply, 400, param);
    conn.socket.destroy();
  },
);

describe('a body over the route limit is cut off while it streams in', () => {
  it('a 48 MB body without a declared length is refused after the first few hundred KB', async () => {
    const conn = open();
    conn.socket.write(
      head(['POST /auth/demo-sign-in HTTP/1.1', 'Content-Type: application/json', 'Transfer-Encoding: chunked']),
    );
    let answered = false;
    conn.reply.then(() => {
      answered = true;
    });
    const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
    let sent = 0;
    while (!answered && !conn.socket.destroyed && sent < 48 * 1024 * 1024) {
      if (!conn.socket.write(chunk)) await new Promise((r) => conn.socket.once('drain', r).once('close', r));
      sent += 0x10000;
      await sleep(0); // let the answer in
    }
    expectAppError(await conn.reply, 413, 'request');
    // The gateway stopped reading at its limit: what we got through is what the socket buffers hold, not 48 MB.
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    conn.socket.destroy();
  });

  it('a declared 48 MB body is refused before a byte of it is sent', async () => {
    const conn = open();
    conn.socket.write(
      head([
        'POST /auth/demo-sign-in HTTP/1.1',
        'Content-Type: application/json',
        `Content-Length: ${48 * 1024 * 1024}`,
      ]),
    );
    const reply = await conn.reply;
    expectAppError(reply, 413, 'request');
    expect(JSON.parse(reply.body).error.message).toContain('256 KB');
    conn.socket.destroy();
  });

  it('the limit is the route’s own: 1 MB is too much for a sign-in, fine for a roster import', async () => {
    const body = JSON.stringify({ fileBase64: 'A'.repeat(1024 * 1024) });
    const send = async (path: string) => {
      const conn = open();
      conn.socket.write(
        head([`POST ${path} HTTP/1.1`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`]),
      );
      conn.socket.write(body);
      const reply = await conn.reply;
      conn.socket.destroy();
      return reply;
    };
    expectAppError(await send('/auth/demo-sign-in'), 413, 'request');
    // Past the gateway, the handler answers: the import needs a signed-in committee member.
    expect((await send('/roster-imports/preview')).status).toBe(401);
  });
});

describe('slow requests are timed out', () => {
  it('a body that never finishes gets a 408', async () => {
    const conn = open();
    const started = Date.now();
    conn.socket.write(
      head(['POST /auth/demo-sign-in HTTP/1.1', 'Content-Type: application/json', 'Content-Length: 100']),
    );
    conn.socket.write('{"tenantId":');
    expectAppError(await conn.reply, 408);
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
    await conn.closed;
  });

  it('headers trickled in a byte at a time get a 408', async () => {
    const conn = open();
    const started = Date.now();
    conn.socket.write('GET /health HTTP/1.1\r\n');
    const trickle = setInterval(() => conn.socket.writable && conn.socket.write('X'), 100);
    try {
      expectAppError(await conn.reply, 408);
    } finally {
      clearInterval(trickle);
    }
    expect(Date.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS + 5_000);
    await conn.closed;
  });
});

it('a client that hangs up mid-body is logged as gone, not as a crash', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const conn = open();
    conn.socket.write(
      head(['POST /auth/demo-sign-in HTTP/1.1', 'Content-Type: application/json', 'Content-Length: 100']),
    );
    conn.socket.write('{"tenantId":');
    await sleep(100);
    conn.socket.destroy();
    for (let i = 0; i < 50 && !warn.mock.calls.length; i++) await sleep(20);
    expect(warn.mock.calls.map((c) => c.join(' '))).toEqual([
      expect.stringMatching(/client disconnected.*POST \/auth\/demo-sign-in/),
    ]);
    expect(error).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
});

it('still serves after all of the above: health and a sign-in', async () => {
  expect((await api.anonymous.get('/health')).status).toBe(200);
  const chair = await api.as(api.township.villages[0].chair);
  expect((await chair.get('/me')).status).toBe(200);
});

describe('--persist keeps the session secret beside the data', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'village-hall-data-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates it once, readable by its owner only, and reads the same one on the next start', () => {
    const first = persistedSecret(dir, 'session.key');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'session.key')).mode & 0o777).toBe(0o600);
    expect(persistedSecret(dir, 'session.key')).toBe(first);
    // Another data folder is another installation, with its own secret.
    const other = mkdtempSync(join(tmpdir(), 'village-hall-data-'));
    try {
      expect(persistedSecret(other, 'session.key')).not.toBe(first);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
