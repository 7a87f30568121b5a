/**
 * `npm run preflight -- --self-test`: runs the real command against moto on loopback, once per
 * fixture account (tools/preflight/fixtures/fixtures.ts): an account that offers everything must
 * pass, and each account seeded with one problem must fail with exactly the right row. Each run
 * is `tsx scripts/preflight.ts --json` in a child process with AWS_ENDPOINT_URL pointing at moto,
 * so the endpoint override, the SDK calls, the moto patches and the exit code are all exercised.
 *
 * The emulator's Python comes from GENAI_EMULATOR_PYTHON, else the tools cache
 * (scripts/install-validators.sh, which is run for its `python` part when the cache has none).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CreateServiceLinkedRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketVersioningCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { loadEnvironmentConfig } from "../../src/config/load";
import type { EnvironmentConfig } from "../../src/config/schema";
import type { LinkedRoleService } from "../../modules/shared/service-linked-role";
import {
  FIXTURE_ENVIRONMENT,
  PREFLIGHT_FIXTURES,
  type PreflightFixture,
  accountServiceLinkedRoles,
  fixtureConfig,
} from "./fixtures/fixtures";
import { EMULATOR_SERVER, freePort, run, startEmulator } from "../emulate/run";
import { type Tools, installTools, loadTools, toolsCache, toolsManifest } from "../tools-cache";
import type { Catalogue } from "./fixtures/catalogue";
import type { Row } from "./row";
import { judge } from "./self-test-verdict";
import { formatTable } from "./table";

const repo = resolve(__dirname, "../..");
/** Preflight runs at once: each is a Node process, and CI has two cores. */
const CONCURRENCY = 2;
/** Seconds one preflight run may take (the real command must stay well under a minute). */
const RUN_TIMEOUT_SECONDS = 60;
const SECONDS = 1000;
/** Stands in for the adopted zone's id until the zone exists. */
const PENDING_ZONE_ID = "Z0PENDING";
/** Characters of a failed run's stderr shown. */
const STDERR_TAIL = 1000;
/** Any region: the catalogue seeding, Route 53 and IAM ignore it, S3 gets the bucket's own. */
const SEED_REGION = "us-east-1";

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

interface Outcome {
  readonly fixture: string;
  readonly problems: string[];
  readonly rows: Row[];
  readonly seconds: number;
}

/** moto's Python: GENAI_EMULATOR_PYTHON, else the one tools.json names, else the cache's venv (installed if missing). */
function emulatorPython(): string {
  if (process.env.GENAI_EMULATOR_PYTHON) return process.env.GENAI_EMULATOR_PYTHON;
  if (existsSync(toolsManifest())) {
    const python = (loadTools() as Partial<Tools>).emulator?.python;
    if (python !== undefined && existsSync(python)) return python;
  }
  const python = join(toolsCache(), "emulator-venv/bin/python");
  // Only the `python` part: the emulator (and checkov) from PyPI, not Terraform and the providers.
  if (!existsSync(python)) installTools(["python"]);
  return python;
}

/** Seeds what the account offers; answers with an access key of that account. */
async function seedAccount(endpoint: string, accountId: string, catalogue: Catalogue): Promise<Credentials> {
  const response = await fetch(`${endpoint}/moto-api/preflight/catalogue`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accountId, catalogue }),
  });
  if (!response.ok) throw new Error(`seeding account ${accountId} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Credentials;
}

/** The state bucket, versioned and encrypted as the fixture says. */
async function seedStateBucket(
  endpoint: string,
  credentials: Credentials,
  bucket: string,
  region: string,
  settings: PreflightFixture["stateBucket"],
): Promise<void> {
  const s3 = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
    }),
  );
  if (settings.versioning)
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  if (settings.encryption)
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      }),
    );
}

/** A public hosted zone named `name`; answers its id (without the `/hostedzone/` prefix). */
async function seedHostedZone(endpoint: string, credentials: Credentials, name: string): Promise<string> {
  const route53 = new Route53Client({ endpoint, region: SEED_REGION, credentials });
  const created = await route53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: `preflight-${name}` }));
  return created.HostedZone!.Id!.replace(/^\/hostedzone\//, "");
}

/** The service-linked roles the account has, made as AWS makes them (CreateServiceLinkedRole). */
async function seedServiceLinkedRoles(
  endpoint: string,
  credentials: Credentials,
  services: readonly LinkedRoleService[],
): Promise<void> {
  const iam = new IAMClient({ endpoint, region: SEED_REGION, credentials });
  for (const service of services) await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service }));
}

/** One fixture: seed its account, run the real command against it, judge the rows. */
async function runFixture(
  fixture: PreflightFixture,
  base: EnvironmentConfig,
  endpoint: string,
  work: string,
): Promise<Outcome> {
  const started = Date.now();
  // The catalogue does not depend on the adopted zone, which needs the account's key to create.
  const catalogue = fixture.catalogue(fixtureConfig(base, fixture, PENDING_ZONE_ID));
  const credentials = await seedAccount(endpoint, fixture.accountId, catalogue);
  const zoneId = await seedHostedZone(endpoint, credentials, fixture.adoptedZoneName(base));
  const config = fixtureConfig(base, fixture, zoneId);
  if (config.state.backend !== "s3") throw new Error("unreachable: fixtureConfig keeps the s3 backend");
  await seedStateBucket(endpoint, credentials, config.state.bucket, config.state.region, fixture.stateBucket);
  await seedServiceLinkedRoles(endpoint, credentials, accountServiceLinkedRoles(fixture, config));
  const configFile = join(work, `${fixture.name}.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const child = await run(
    process.execPath,
    [require.resolve("tsx/cli"), join(repo, "scripts/preflight.ts"), "--json"],
    {
      cwd: repo,
      timeoutSeconds: RUN_TIMEOUT_SECONDS,
      // Nothing from the caller's AWS setup: the child sees moto and this account only.
      env: {
        PATH: process.env.PATH,
        HOME: work,
        GENAI_CONFIG: configFile,
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_REGION: SEED_REGION,
        AWS_CONFIG_FILE: join(work, "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE: join(work, "no-aws-credentials"),
        AWS_EC2_METADATA_DISABLED: "true",
      },
    },
  );
  const seconds = (Date.now() - started) / SECONDS;
  let rows: Row[];
  try {
    rows = (JSON.parse(child.stdout) as { rows: Row[] }).rows;
  } catch {
    const why = child.timedOut ? "timed out" : `printed no JSON (exit ${child.code})`;
    return {
      fixture: fixture.name,
      problems: [`the preflight ${why}: ${child.stderr.trim().slice(-STDERR_TAIL)}`],
      rows: [],
      seconds,
    };
  }
  return { fixture: fixture.name, problems: judge(fixture.expectation(config), rows, child.code), rows, seconds };
}

/** `items` through `work`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every fixture against one emulator; 0 when each ran as expected. */
export async function runSelfTest(): Promise<number> {
  const started = Date.now();
  const python = emulatorPython();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const emulator = await startEmulator(python, EMULATOR_SERVER, port);
  const work = mkdtempSync(join(tmpdir(), "genai-preflight-"));
  try {
    console.log(`preflight self-test: ${PREFLIGHT_FIXTURES.length} fixture accounts against moto on ${endpoint}`);
    const base = loadEnvironmentConfig({ GENAI_ENV: FIXTURE_ENVIRONMENT }).config;
    const outcomes = await mapLimited(PREFLIGHT_FIXTURES, CONCURRENCY, (fixture) =>
      runFixture(fixture, base, endpoint, work),
    );
    for (const outcome of outcomes) {
      const shown = outcome.rows.filter((row) => row.outcome !== "PASS");
      const summary =
        shown.length === 0
          ? `${outcome.rows.length} rows, all PASS`
          : shown.map((row) => `${row.outcome} ${row.check} [${row.region}]: ${row.result}`).join("; ");
      const verdict = outcome.problems.length === 0 ? "as expected" : "NOT as expected";
      console.log(`  ${outcome.fixture}: ${verdict} (${outcome.seconds.toFixed(1)} s): ${summary}`);
      for (const problem of outcome.problems) console.log(`      ${problem}`);
      if (outcome.problems.length > 0 && outcome.rows.length > 0) console.log(formatTable(outcome.rows));
    }
    const failed = outcomes.filter((outcome) => outcome.problems.length > 0).length;
    const seconds = (Date.now() - started) / SECONDS;
    console.log(
      `preflight self-test: ${outcomes.length - failed} of ${outcomes.length} fixtures as expected in ${seconds.toFixed(1)} s`,
    );
    return failed === 0 ? 0 : 1;
  } catch (error) {
    console.error(`preflight self-test failed to run: ${(error as Error).stack ?? String(error)}`);
    console.error(`emulator log (last lines):\n${emulator.log().split("\n").slice(-30).join("\n")}`);
    return 1;
  } finally {
    emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
