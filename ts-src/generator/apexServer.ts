/**
 * One Apex parser process for a whole build: prettier-plugin-apex's HTTP parser server
 * (`apexStandaloneParser: 'built-in'`, a Java process), instead of the plugin's default of one
 * native parser process per file. It needs Java, which validation already requires; without Java
 * (or if the server does not come up) the formatter falls back to the native parser.
 *
 * The server listens on a free loopback port with a random shutdown password, and a small shell
 * watchdog ends it as soon as the build's process is gone, however the build ends. Its JVM keeps a
 * class-data archive (AppCDS) in the cache folder, which halves its start-up from the second build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ApexServer {
  /** Prettier options that send Apex parsing to this server. */
  options: { apexStandaloneParser: 'built-in'; apexStandaloneHost: string; apexStandalonePort: number };
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 90_000;

/** The `java` executable the serializer's start script will use, if there is one (no process started). */
export function findJava(): string | undefined {
  const candidates = [
    ...(process.env.JAVA_HOME ? [path.join(process.env.JAVA_HOME, 'bin', 'java')] : []),
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'java')),
  ];
  return candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Starts the server and resolves once it answers a parse; rejects if it exits or does not answer in
 * time (the caller then falls back to the native parser).
 */
export async function startApexServer(
  pluginDir: string,
  archiveFile?: string,
  onSpawned?: () => void,
): Promise<ApexServer> {
  try {
    return await start(pluginDir, archiveFile, onSpawned);
  } catch (error) {
    // A class-data archive the JVM cannot use must not cost more than one attempt.
    if (archiveFile && fs.existsSync(archiveFile)) {
      fs.rmSync(archiveFile, { force: true });
      return start(pluginDir, undefined, onSpawned);
    }
    throw error;
  }
}

async function start(
  pluginDir: string,
  archiveFile: string | undefined,
  onSpawned: (() => void) | undefined,
): Promise<ApexServer> {
  const script = path.join(pluginDir, 'vendor/apex-ast-serializer/bin/apex-ast-serializer-http');
  if (!fs.existsSync(script)) throw new Error(`${script} is missing`);
  const port = await freePort();
  const password = crypto.randomBytes(16).toString('hex');
  // Short-lived server: the client compiler and the serial collector start fastest; a bounded heap
  // keeps it from growing to a quarter of the machine on a big build. Thin generated Apex parses in
  // little heap: a cold 500-operation build (1,492 files) ran in 128 MB with a 195-268 MB RSS, where
  // 512 MB let the JVM grow to a 436 MB RSS. Parsing every generated class of that project through
  // one server (1,375 requests, 4 in flight; speed3 notes): -Xmx192m alone peaked at a 214 MB RSS,
  // these bounds (heap 64 MB, young 16 MB, code cache 16 MB, metaspace 64 MB, 512 KB thread
  // stacks, one compiler thread) at 162 MB for 4 % more JVM CPU; without TieredStopAtLevel=1
  // (C2 as well) the same parses took 58 % more JVM CPU.
  const jvm = [
    '-XX:TieredStopAtLevel=1',
    '-XX:CICompilerCount=1',
    '-XX:+UseSerialGC',
    '-Xshare:auto',
    '-Xmx64m',
    '-Xmn16m',
    '-XX:ReservedCodeCacheSize=16m',
    '-XX:MaxMetaspaceSize=64m',
    '-Xss512k',
  ];
  if (archiveFile) {
    const exists = fs.existsSync(archiveFile);
    if (!exists) fs.mkdirSync(path.dirname(archiveFile), { recursive: true });
    jvm.push(exists ? `-XX:SharedArchiveFile=${archiveFile}` : `-XX:ArchiveClassesAtExit=${archiveFile}`);
  }
  // "$0" "$@" is the start script and its arguments; the loop ends the JVM once the build is gone.
  const watchdog =
    '"$0" "$@" & server=$!; ' +
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done; ` +
    'kill $server 2>/dev/null';
  const child = spawn('sh', ['-c', watchdog, script, '-s', '-a', password, '-h', HOST, '-p', String(port)], {
    stdio: 'ignore',
    // Its own process group, so a failed start can end the script and the JVM together.
    detached: true,
    env: { ...process.env, APEX_AST_SERIALIZER_HTTP_OPTS: jvm.join(' ') },
  });
  child.unref();
  onSpawned?.();
  await waitUntilReady(child, port);
  let stopped = false;
  return {
    options: { apexStandaloneParser: 'built-in', apexStandaloneHost: HOST, apexStandalonePort: port },
    async stop() {
      if (stopped) return;
      stopped = true;
      // A clean shutdown lets the JVM write its class-data archive; the watchdog covers the rest.
      const answered = await fetch(`http://${HOST}:${port}/shutdown?token=${password}`, { method: 'POST' }).then(
        (response) => response.ok,
        () => false,
      );
      if (!answered) endGroup(child);
    },
  };
}

async function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      endGroup(child);
      throw new Error('the Apex parser server exited while starting');
    }
    try {
      const response = await fetch(`http://${HOST}:${port}/api/ast`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sourceCode: 'public class SwitchyardProbe {}', anonymous: false, prettyPrint: false }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  endGroup(child);
  throw new Error(`the Apex parser server did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

function endGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
