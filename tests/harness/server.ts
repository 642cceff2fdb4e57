// Runs in: Node (tests and `npm run harness`). Never bundled into the app.
//
// The real backend behind a small HTTP server on 127.0.0.1, serving the built renderer with a shim
// that provides `window.mentorDesk` over fetch and Server-Sent Events instead of Electron IPC.
// Browser end-to-end tests drive the same backend code paths the app does, without Electron.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { events, type EventName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { AdjustableClock } from '../../electron/main/backend/clock';
import { createBackend, type Backend, type KdfParams } from '../../electron/main/backend/index';
import { APP_RESPONSE_HEADERS, contentTypeFor, isRoutePath, resolveUnderRoot } from '../../electron/main/security-rules';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const SHIM_PATH = '/__harness/shim.js';
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HarnessOptions {
  /** Use (and keep) this vault folder; by default a fresh temporary one, removed by stop(). */
  dataDir?: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Built renderer to serve; default out/renderer (run `npx electron-vite build` first). */
  rendererDir?: string;
  /** scrypt cost for new vaults; default: the production cost. */
  kdf?: KdfParams;
  log?: (line: string) => void;
}

export interface Harness {
  /** `http://127.0.0.1:PORT/#token=TOKEN`: open it in a browser. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  clock: AdjustableClock;
  /** The backend currently running (a new object after restart()). */
  readonly backend: Backend;
  /** Calls the backend directly, as the page would (handy for seeding data in a test). */
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Freezes the clock at `ms` (epoch milliseconds), then lets clock-driven rules (auto-lock) run. */
  setClock(ms: number): number;
  /** Moves the clock forward, then lets clock-driven rules run. */
  advanceClock(ms: number): number;
  /** Closes the backend and opens a fresh one on the same folder, as quitting and restarting the app would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let shimCode: Promise<string> | null = null;

/** The browser-side shim, compiled once per process (it bundles the preload's bridge and zod). */
function compileShim(): Promise<string> {
  shimCode ??= build({
    entryPoints: [path.join(here, 'shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no shim');
    return file.text;
  });
  return shimCode;
}

/** Puts the shim before the app's first script, so `window.mentorDesk` exists when the app starts. */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${tag}\n${html.slice(headEnd)}`;
  throw new Error('The built index.html has neither a <script> nor a </head> to put the harness shim before.');
}

function sameSecret(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...APP_RESPONSE_HEADERS, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(repoRoot, 'out/renderer'));
  const indexFile = resolveUnderRoot(rendererDir, '/');
  const indexHtml = indexFile ? await readFile(indexFile, 'utf8').catch(() => null) : null;
  if (indexHtml === null) {
    throw new Error(`No built renderer at ${rendererDir}. Run \`npx electron-vite build\` (or \`npm run harness\`) first.`);
  }
  const page = injectShim(indexHtml);
  const shim = await compileShim();

  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : await mkdtemp(path.join(tmpdir(), 'mentor-desk-harness-'));
  // Exported PDFs go beside the vault folder, never inside it, and go with it when the harness stops.
  const exportDir = `${dataDir}-exports`;
  const token = randomBytes(32).toString('hex');
  const clock = new AdjustableClock();

  const open = () =>
    createBackend({ dataDir, exportDir, clock, keychain: null, ...(options.kdf ? { kdf: options.kdf } : {}), ...(options.log ? { log: options.log } : {}) });

  // Server-Sent Events clients; they survive restart(), as the app's window survives nothing but a
  // reload, and each backend is wired to them when it starts.
  const streams = new Set<ServerResponse>();
  const broadcast = (name: EventName, payload: unknown) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  };
  let unsubscribe: Array<() => void> = [];
  const wire = (b: Backend) => {
    unsubscribe = (Object.keys(events) as EventName[]).map((name) => b.on(name, (payload) => broadcast(name, payload)));
  };

  let backend: Backend;
  // Calls that arrive during restart() wait for the new backend instead of hitting the closed one.
  let current: Promise<Backend> = open();
  try {
    backend = await current;
  } catch (err) {
    if (ownsDataDir) {
      await rm(dataDir, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    }
    throw err;
  }
  wire(backend);

  let origin = '';
  const allowedHosts = new Set<string>();
  const allowedOrigins = new Set<string>();

  const authorised = (req: IncomingMessage, url: URL): boolean =>
    sameSecret(req.headers['x-harness-token'], token) || (req.method === 'GET' && sameSecret(url.searchParams.get('token'), token));

  const tick = () => {
    backend.tick();
    return clock.now();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a web page elsewhere must not reach this server under another name.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Wrong host', 'text/plain; charset=utf-8');
    if (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin)) return send(res, 403, 'Cross-origin requests are refused', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname.startsWith('/__api/') || (url.pathname.startsWith('/__harness/') && url.pathname !== SHIM_PATH)) {
      if (!authorised(req, url)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong harness token.' } });

      if (req.method === 'POST' && url.pathname === '/__api/invoke') {
        let body: { channel?: unknown; request?: unknown };
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not JSON.' } });
        }
        const b = await current;
        return sendJson(res, 200, await b.call(body?.channel, body?.request));
      }

      if (req.method === 'GET' && url.pathname === '/__api/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
        res.write(': connected\n\n');
        streams.add(res);
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          streams.delete(res);
        });
        return;
      }

      if (req.method === 'POST' && url.pathname === '/__harness/clock') {
        let body: { set?: unknown; advance?: unknown };
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch {
          return sendJson(res, 400, { error: 'The request body is not JSON.' });
        }
        const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
        if ((body.set !== undefined && !finite(body.set)) || (body.advance !== undefined && !finite(body.advance))) {
          return sendJson(res, 400, { error: 'set and advance must be numbers of milliseconds.' });
        }
        await current;
        if (finite(body.set)) clock.set(body.set);
        if (finite(body.advance)) clock.advance(body.advance);
        return sendJson(res, 200, { now: tick() });
      }

      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (url.pathname === SHIM_PATH) return send(res, 200, shim, 'text/javascript; charset=utf-8');
    // Browsers ask for a favicon that Electron never does; answer it so no test sees a stray 404.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, APP_RESPONSE_HEADERS);
      return void res.end();
    }

    // Files of the built renderer, refusing the same traversal tricks app:// refuses. The raw path
    // is used, not the URL parser's normalised one, so `..` is refused rather than folded away.
    const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const file = resolveUnderRoot(rendererDir, rawPath);
    if (file === null) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    if (file === indexFile || (isRoutePath(rawPath) && !(await readFile(file).then(() => true, () => false)))) {
      return send(res, 200, page, 'text/html; charset=utf-8');
    }
    try {
      return send(res, 200, await readFile(file), contentTypeFor(file));
    } catch {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.log?.(`harness: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The harness failed.' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
  for (const host of allowedHosts) allowedOrigins.add(`http://${host}`);

  let stopped = false;
  const harness: Harness = {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    dataDir,
    clock,
    get backend() {
      return backend;
    },
    call: async (channel, request) => (await current).call(channel, request),
    setClock(ms) {
      clock.set(ms);
      return tick();
    },
    advanceClock(ms) {
      clock.advance(ms);
      return tick();
    },
    async restart() {
      for (const off of unsubscribe) off();
      const closing = backend;
      current = closing.close().then(open);
      backend = await current;
      wire(backend);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const off of unsubscribe) off();
      await (await current).close();
      if (ownsDataDir) {
      await rm(dataDir, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    }
    },
  };
  return harness;
}
