/**
 * The moving parts of one emulated deploy: the emulator process, the loopback guard, the state
 * bucket, and Terraform runs with a timeout each.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** moto's server with the fixes of moto_patches/: `python server.py PORT`. */
export const EMULATOR_SERVER = join(__dirname, "server.py");
/** Lists what the emulator still holds after every destroy (leftovers.py). */
export const LEFTOVERS_SCRIPT = join(__dirname, "leftovers.py");

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs a command, killing it (and failing) after `timeoutSeconds`. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutSeconds: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutSeconds * 1000);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr, timedOut });
    });
  });
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** moto's server with the fixes of moto_patches/, on loopback. */
export async function startEmulator(
  python: string,
  serverScript: string,
  port: number,
): Promise<{ process: ChildProcess; stop: () => void; log: () => string }> {
  let log = "";
  const child = spawn(python, [serverScript, String(port)], {
    // Certificates issue at once; AWS-managed IAM policies exist, as in a real account.
    env: { ...process.env, MOTO_ACM_VALIDATION_WAIT: "0", MOTO_IAM_LOAD_MANAGED_POLICIES: "true" },
    detached: true,
  });
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the emulator did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  return { process: child, stop, log: () => log };
}

/**
 * The proxy every Terraform run is given: it forwards only to the emulator (requests for
 * `<account>.127.0.0.1:<port>`, as the provider addresses S3 Control) and refuses everything
 * else at once, so a call to a service missing from the endpoints fails instead of leaving the
 * machine. Direct calls to 127.0.0.1 bypass it (NO_PROXY).
 */
export async function startGuard(
  emulatorPort: number,
): Promise<{ port: number; refused: string[]; close: () => void }> {
  const refused: string[] = [];
  const allowed = new RegExp(`^(\\d{12}\\.)?127\\.0\\.0\\.1:${emulatorPort}$`);
  const server: Server = createServer((incoming, outgoing) => {
    // Absolute-form request targets; not WHATWG URLs, which refuse `123456789012.127.0.0.1`.
    const target = /^http:\/\/([^/]+)(\/.*)?$/.exec(incoming.url ?? "");
    const host = target?.[1] ?? incoming.headers.host ?? "?";
    if (target === null || !allowed.test(host)) {
      refused.push(host);
      outgoing.writeHead(403, { "content-type": "text/plain" }).end(`refused by the emulator's guard: ${host}`);
      return;
    }
    const forwarded = httpRequest(
      {
        host: "127.0.0.1",
        port: emulatorPort,
        method: incoming.method,
        path: target[2] ?? "/",
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  server.on("connect", (incoming, socket) => {
    refused.push(incoming.url ?? "?");
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { port: (server.address() as AddressInfo).port, refused, close: () => server.close() };
}

/** The state bucket, as scripts/bootstrap-state-bucket.sh makes it (versioned). */
export async function createStateBucket(endpoint: string, bucket: string, region: string): Promise<void> {
  const configuration = `<CreateBucketConfiguration><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`;
  const created = await fetch(`${endpoint}/${bucket}`, { method: "PUT", body: configuration });
  if (!created.ok) throw new Error(`creating the state bucket failed: ${created.status} ${await created.text()}`);
  const versioning = `<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>`;
  const versioned = await fetch(`${endpoint}/${bucket}?versioning`, { method: "PUT", body: versioning });
  if (!versioned.ok) throw new Error(`enabling versioning failed: ${versioned.status}`);
}

/** What the emulator still holds in `regions` (and globally), one line each. */
export async function emulatorLeftovers(
  python: string,
  script: string,
  endpoint: string,
  stateBucket: string,
  regions: readonly string[],
): Promise<string[]> {
  const listed = await run(python, [script, endpoint, stateBucket, ...regions], { timeoutSeconds: 120 });
  if (listed.code !== 0) throw new Error(`listing what the emulator holds failed: ${listed.stderr.trim().slice(-500)}`);
  return listed.stdout.split("\n").filter((line) => line.trim() !== "");
}
