/**
 * `npm run preflight`: checks, with read-only AWS credentials, what the selected environment
 * (GENAI_ENV / GENAI_CONFIG) assumes about the account and its regions: regions enabled, instance
 * and node types offered, engine, Kubernetes and add-on versions published, the cross-region
 * capabilities it relies on, the DMS replication instance class and version (dms-cdc), the state
 * backend, an adopted hosted zone, and the service-linked and DMS roles the stacks name. Prints one table (check, region, result, how to fix); exits 1 on any
 * FAIL. Changes nothing.
 *
 *   npm run preflight                   the table
 *   npm run preflight -- --json         the rows as JSON (what the self-test reads)
 *   npm run preflight -- --self-test    against moto on loopback: a passing account and one
 *                                       account per seeded problem (tools/preflight/emulated.ts)
 *
 * Permissions it uses, all read-only:
 * account:GetRegionOptStatus, ec2:DescribeInstanceTypeOfferings, rds:DescribeDBEngineVersions,
 * rds:DescribeOrderableDBInstanceOptions, elasticache:DescribeCacheEngineVersions,
 * elasticache:DescribeReservedCacheNodesOfferings, dms:DescribeOrderableReplicationInstances,
 * eks:DescribeClusterVersions,
 * eks:DescribeAddonVersions, s3:ListBucket, s3:GetBucketVersioning, s3:GetEncryptionConfiguration,
 * route53:GetHostedZone, iam:GetRole; for the cloud backend, a Terraform Cloud token in
 * TF_TOKEN_<host>.
 */
import { loadEnvironmentConfigOrReport } from "../../src/config/load";
import { awsClients, credentialsProblem } from "./aws-clients";
import { runSelfTest } from "./emulated";
import { GLOBAL_REGION, fail } from "./row";
import { hasFailures, runPreflight } from "./run";
import { formatTable, summaryLine } from "./table";

// The SDK warns once per run that its releases from 2027 need Node 22; the pins here are exact
// and package.json's engines say Node 20, so the notice is for whoever bumps the SDK, not per run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function preflight(json: boolean): Promise<number> {
  const loaded = loadEnvironmentConfigOrReport();
  if (loaded === undefined) return 1;
  const { config, source } = loaded;
  const started = Date.now();
  const problem = await credentialsProblem();
  const rows =
    problem === undefined
      ? await runPreflight(config, awsClients())
      : [
          fail(
            "AWS credentials",
            GLOBAL_REGION,
            problem,
            "sign in with read-only rights (aws sso login, AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)",
          ),
        ];
  const seconds = (Date.now() - started) / 1000;
  if (json) console.log(JSON.stringify({ source, seconds, rows }, null, 2));
  else {
    console.log(`Preflight of ${source}: what the config assumes about the account (read-only)\n`);
    console.log(formatTable(rows));
    console.log(`\n${summaryLine(rows)} in ${seconds.toFixed(1)} s`);
  }
  return hasFailures(rows) ? 1 : 0;
}

/** `npm run preflight [-- --json | --self-test]`; returns the exit code (2 on unknown arguments). */
export async function main(args: readonly string[]): Promise<number> {
  const known = ["--json", "--self-test"];
  const unknown = args.filter((arg) => !known.includes(arg));
  if (unknown.length > 0) {
    console.error(`unknown argument(s) ${unknown.join(" ")}; expected ${known.join(" or ")}`);
    return 2;
  }
  if (args.includes("--self-test")) return runSelfTest();
  return preflight(args.includes("--json"));
}
