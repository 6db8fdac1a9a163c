import http from 'http';
import { Recorder } from './recorder';

export interface PlatformCall {
  path: string;
  query: URLSearchParams;
  auth: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the payload of its own platform (LINE, Meta); typing it needs those tests typed too
  body: any;
}

export interface FakePlatform {
  url: string;
  calls: PlatformCall[];
  /** Resolves with the first call that matches, waiting for it if need be. */
  waitFor: (match: (c: PlatformCall) => boolean, timeoutMs?: number) => Promise<PlatformCall>;
  /** From now on, answer matching POSTs with this status (as a platform refusing a blocked user does); null stops. */
  refuse: (rule: { status: number; match: (c: PlatformCall) => boolean } | null) => void;
  close: () => Promise<void>;
}

/**
 * A stand-in for a chat platform's API (LINE's Messaging API, Meta's Graph API) on loopback: it
 * records every POST and answers 200, and serves `content` for any GET (message content, images).
 */
export async function startFakePlatform(content: Buffer): Promise<FakePlatform> {
  const received = new Recorder<PlatformCall>();
  let refusal: { status: number; match: (c: PlatformCall) => boolean } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(content);
        return;
      }
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const call: PlatformCall = { path: url.pathname, query: url.searchParams, auth: req.headers.authorization, body: raw ? (JSON.parse(raw) as unknown) : null };
      received.push(call);
      if (refusal?.match(call)) res.writeHead(refusal.status, { 'Content-Type': 'application/json' }).end('{"message":"The user has blocked the account"}');
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: received.items,
    waitFor: (match, timeoutMs) => received.waitFor(match, timeoutMs, (calls) => JSON.stringify(calls.map((c) => c.path))),
    refuse: (rule) => {
      refusal = rule;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
