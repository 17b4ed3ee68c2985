import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { corpusDir, fixturesDir } from './paths';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

const mounts: Record<string, string> = { '/fixtures/': fixturesDir, '/corpus/': corpusDir };

export interface TestServer {
  origin: string;
  /** Same pages on a second port: another origin, for cross-origin frames. */
  otherOrigin: string;
  /** Every request the server saw: a test can assert what the extension did not fetch. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves test/fixtures and the page corpus from loopback only. `?csp=...` on a URL sends that
 * Content-Security-Policy header, so one fixture serves both a lax and a strict page.
 */
export async function startServer(): Promise<TestServer> {
  const requests: string[] = [];
  const handler = async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const mount = Object.keys(mounts).find((m) => url.pathname.startsWith(m));
    const base = mount ? mounts[mount] : undefined;
    const rel = mount ? normalize(decodeURIComponent(url.pathname.slice(mount.length))) : '';
    if (!base || rel.startsWith('..')) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(join(base, rel));
      const headers: Record<string, string> = {
        'content-type': types[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      const csp = url.searchParams.get('csp');
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  };
  const servers: Server[] = [createServer(handler), createServer(handler)];
  const ports = await Promise.all(servers.map((s) => new Promise<number>((ok) => {
    s.listen(0, '127.0.0.1', () => ok((s.address() as AddressInfo).port));
  })));
  return {
    origin: `http://127.0.0.1:${ports[0]}`,
    otherOrigin: `http://127.0.0.1:${ports[1]}`,
    requests,
    async close() {
      await Promise.all(servers.map((s) => new Promise<void>((ok) => {
        // Browsers keep connections alive; without this close() waits for them forever.
        s.closeAllConnections();
        s.close(() => ok());
      })));
    },
  };
}
