import { describe, expect, it } from "vitest";
import { assertedCapabilities, capabilitiesInUse } from "../../../tools/preflight/capabilities";
import { capabilitySource } from "../../../src/config/region-capabilities";
import type { EnvironmentConfig } from "../../../src/config/schema";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { production } from "./config";
import { fakeClients } from "./fake-clients";

const AURORA = "aurora-postgresql-global-database";
const ELASTICACHE = "elasticache-global-datastore";
type Capability = typeof AURORA | typeof ELASTICACHE;

/** Production (Taipei ap-east-2, Tokyo ap-northeast-1) with both strategies global, Taipei asserting `asserted`. */
function globalEverywhere(asserted: Capability[] = [AURORA, ELASTICACHE]): EnvironmentConfig {
  const config = production();
  return {
    ...config,
    database: { ...config.database, replication: "global-database" },
    cache: { ...config.cache, replication: "global-datastore" },
    regions: config.regions.map((region) =>
      region.awsRegion === "ap-east-2" ? { ...region, assertedCapabilities: asserted } : region,
    ),
  };
}
const outcomes = (rows: { check: string; region: string; outcome: string; result: string }[]) =>
  rows.map((row) => `${row.check} [${row.region}]: ${row.outcome} ${row.result}`);

describe("assertedCapabilities", () => {
  it("checks nothing under snapshot copies and a cache per region", async () => {
    const config = production();
    const copies = { ...config, database: { ...config.database, replication: "snapshot-copy" as const } };
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    expect(capabilitiesInUse(copies)).toEqual([]);
    expect(await assertedCapabilities(copies, clients)).toEqual([]);
    expect(clients.calls).toEqual([]);
  });

  it("passes DMS and inter-region peering on AWS's tables for production's dms-cdc, calling nothing", async () => {
    const config = production();
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    expect(capabilitiesInUse(config)).toEqual(["dms", "inter-region-vpc-peering"]);
    const rows = await assertedCapabilities(config, clients);
    expect(rows.map((row) => `${row.check} ${row.region} ${row.outcome}`).sort()).toEqual(
      [
        "AWS DMS ap-east-2 PASS",
        "AWS DMS ap-northeast-1 PASS",
        "Inter-region VPC peering ap-east-2 PASS",
        "Inter-region VPC peering ap-northeast-1 PASS",
      ].sort(),
    );
    expect(clients.calls).toEqual([]);
  });

  it("checks only the capabilities the strategies use, in every region", async () => {
    const config = globalEverywhere();
    const onlyDatabase = { ...config, cache: { ...config.cache, replication: "per-region" as const } };
    expect(capabilitiesInUse(onlyDatabase)).toEqual([AURORA]);
    const rows = await assertedCapabilities(onlyDatabase, fakeClients({ catalogue: catalogueFor(config) }));
    expect(rows.map((row) => `${row.check} [${row.region}]`)).toEqual([
      "Aurora global database [ap-east-2]",
      "Aurora global database [ap-northeast-1]",
    ]);
  });

  it("passes listed regions on AWS's table and asks the account about asserted Aurora, skipping ElastiCache", async () => {
    const config = globalEverywhere();
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    const rows = await assertedCapabilities(config, clients);
    expect(outcomes(rows)).toEqual([
      "Aurora global database [ap-east-2]: PASS asserted; 16.6 has SupportsGlobalDatabases",
      "ElastiCache global datastore [ap-east-2]: SKIP asserted; AWS has no API for it",
      "Aurora global database [ap-northeast-1]: PASS listed by AWS (docs read 2026-12-01)",
      "ElastiCache global datastore [ap-northeast-1]: PASS listed by AWS (docs read 2026-12-01)",
    ]);
    expect(rows[1]!.fix).toBe(`confirm the region on ${capabilitySource(ELASTICACHE)}`);
    // Listed regions need no call; the asserted Aurora one asks for the configured version only.
    expect(clients.calls).toEqual(['engineVersion("ap-east-2", "aurora-postgresql", "16.6")']);
  });

  it("fails an asserted Aurora global database the configured version lacks, or that lacks the version", async () => {
    const config = globalEverywhere([AURORA]);
    const auroraOnly = { ...config, cache: { ...config.cache, replication: "per-region" as const } };
    const catalogue = catalogueFor(config);
    catalogue.regions["ap-east-2"]!.dbEngineVersions!.forEach((version) => (version.SupportsGlobalDatabases = false));
    const rows = await assertedCapabilities(auroraOnly, fakeClients({ catalogue }));
    expect(rows[0]).toMatchObject({
      check: "Aurora global database",
      region: "ap-east-2",
      outcome: "FAIL",
      result: "asserted; 16.6 lacks SupportsGlobalDatabases",
    });
    expect(rows[0]!.fix).toContain(
      'drop it from the assertedCapabilities of region taipei and set database.replication "snapshot-copy"',
    );
    expect(rows[0]!.fix).toContain(
      '--region ap-east-2 --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion"',
    );
    expect(rows[1]).toMatchObject({ region: "ap-northeast-1", outcome: "PASS" });

    catalogue.regions["ap-east-2"]!.dbEngineVersions = [];
    const missing = await assertedCapabilities(auroraOnly, fakeClients({ catalogue }));
    expect(missing[0]).toMatchObject({ outcome: "FAIL", result: "asserted; 16.6 not offered here" });
  });

  it("fails a capability in use that a region neither lists nor asserts (a config the schema would refuse)", async () => {
    const config = globalEverywhere([]);
    const rows = await assertedCapabilities(config, fakeClients({ catalogue: catalogueFor(config) }));
    expect(outcomes(rows).slice(0, 2)).toEqual([
      "Aurora global database [ap-east-2]: FAIL neither listed by AWS nor asserted",
      "ElastiCache global datastore [ap-east-2]: FAIL neither listed by AWS nor asserted",
    ]);
    expect(rows[1]!.fix).toBe(`set cache.replication "per-region"; see ${capabilitySource(ELASTICACHE)}`);
  });

  it("turns a refused DescribeDBEngineVersions into a FAIL row naming the permission", async () => {
    const config = globalEverywhere([AURORA]);
    const denied = Object.assign(new Error("not authorized"), { name: "AccessDeniedException" });
    const rows = await assertedCapabilities(
      config,
      fakeClients({ catalogue: catalogueFor(config), failures: { engineVersion: denied } }),
    );
    expect(rows[0]).toMatchObject({
      outcome: "FAIL",
      region: "ap-east-2",
      result: "AccessDeniedException: not authorized",
    });
    expect(rows[0]!.fix).toContain("grant rds:DescribeDBEngineVersions (read-only)");
  });

  it("asks the account for the asserted CloudWatch observability add-on build, per region", async () => {
    const base = production();
    const config: EnvironmentConfig = {
      ...base,
      database: { ...base.database, replication: "snapshot-copy" },
      observability: { containerInsights: { addonVersion: "v6.2.0-eksbuild.1", logRetentionDays: 90 } },
      regions: base.regions.map((region) => ({
        ...region,
        assertedCapabilities: ["eks-cloudwatch-observability-addon"],
      })),
    };
    expect(capabilitiesInUse(config)).toEqual(["eks-cloudwatch-observability-addon"]);
    const offered = await assertedCapabilities(config, fakeClients({ catalogue: catalogueFor(config) }));
    expect(outcomes(offered)).toEqual([
      "EKS add-on amazon-cloudwatch-observability [ap-east-2]: PASS asserted; v6.2.0-eksbuild.1 offered for Kubernetes 1.34",
      "EKS add-on amazon-cloudwatch-observability [ap-northeast-1]: PASS asserted; v6.2.0-eksbuild.1 offered for Kubernetes 1.34",
    ]);
    const older = {
      ...config,
      observability: { containerInsights: { addonVersion: "v6.9.0-eksbuild.1", logRetentionDays: 90 } },
    };
    const [missing] = await assertedCapabilities(older, fakeClients({ catalogue: catalogueFor(config) }));
    expect(missing).toMatchObject({ outcome: "FAIL" });
    expect(missing!.result).toMatch(
      /v6\.9\.0-eksbuild\.1 not offered for Kubernetes 1\.34 \(offered: v6\.2\.0-eksbuild\.1/,
    );
    expect(missing!.fix).toMatch(/aws eks describe-addon-versions --addon-name amazon-cloudwatch-observability/);
  });
});
