import http from 'http';

export interface LineCall {
  path: string;
  auth: string | undefined;
  body: any;
}

export interface FakeLine {
  url: string;
  calls: LineCall[];
  /** Bytes served as the content of any message id. */
  content: Buffer;
  /** Resolves with the first call that matches, waiting for it if need be. */
  waitFor: (match: (c: LineCall) => boolean, timeoutMs?: number) => Promise<LineCall>;
  close: () => Promise<void>;
}

/** A stand-in for LINE's Messaging API on loopback: records reply and push calls, serves message content. */
export async function startFakeLine(content: Buffer): Promise<FakeLine> {
  const calls: LineCall[] = [];
  const waiters: Array<() => void> = [];
  const fake: Partial<FakeLine> = { calls, content };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method === 'GET' && /^\/v2\/bot\/message\/[^/]+\/content$/.test(path)) {
        res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(fake.content);
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      calls.push({ path, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : null });
      waiters.splice(0).forEach((w) => w());
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    waitFor(match: (c: LineCall) => boolean, timeoutMs = 15_000) {
      return new Promise<LineCall>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching LINE call; got ${JSON.stringify(calls.map((c) => c.path))}`)), timeoutMs);
        const check = () => {
          const found = calls.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeLine;
}
