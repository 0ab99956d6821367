/**
 * A static HTTP server on 127.0.0.1 only (never another interface): a fixed set of routes, plus
 * folders served under a prefix (the SLDS assets). Nothing is read outside those folders.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface Route {
  type: string;
  body: () => Buffer | string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function fromFolder(folder: string, relative: string): Route | undefined {
  const file = path.resolve(folder, `.${path.posix.normalize(`/${relative}`)}`);
  if (!file.startsWith(`${path.resolve(folder)}${path.sep}`) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile())
    return undefined;
  return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: () => fs.readFileSync(file) };
}

/**
 * Serves `routes` (path -> content) and each `folders` prefix (`/assets/` -> a directory).
 * @param port 0 for an ephemeral port
 */
export async function serveStatic(
  routes: Readonly<Record<string, Route>>,
  options: { port?: number; folders?: Readonly<Record<string, string>> } = {},
): Promise<StaticServer> {
  const folders = Object.entries(options.folders ?? {});
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const folder = folders.find(([prefix]) => pathname.startsWith(prefix));
    const route = routes[pathname] ?? (folder ? fromFolder(folder[1], pathname.slice(folder[0].length)) : undefined);
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
