import { describe, expect, it } from "vitest";
import { auroraOfferings, auroraRows } from "../../../tools/preflight/aurora";
import { needsGlobalDatabase } from "../../../tools/preflight/global-database";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { primaryOnly, production } from "./config";
import { fakeClients } from "./fake-clients";

const config = primaryOnly(production());
const outcomes = (rows: { check: string; outcome: string; result: string }[]) =>
  rows.map((row) => `${row.check}: ${row.outcome} ${row.result}`);

describe("auroraOfferings", () => {
  it("passes the version and the class an account offers, asking for exactly them", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    expect(outcomes(await auroraOfferings(config, clients))).toEqual([
      "Aurora PostgreSQL 16.6: PASS available",
      "Aurora class db.r6g.large: PASS orderable for aurora-postgresql 16.6",
    ]);
    expect(clients.calls).toContain(
      'orderableInstanceOptions("ap-east-2", "aurora-postgresql", "16.6", "db.r6g.large")',
    );
  });

  it("fails a version the region lacks or deprecated, and a class not orderable for it", async () => {
    const catalogue = catalogueFor(config);
    const region = catalogue.regions["ap-east-2"]!;
    region.dbEngineVersions = region.dbEngineVersions!.map((version) => ({ ...version, Status: "deprecated" }));
    region.orderableDbInstanceOptions = region.orderableDbInstanceOptions!.filter(
      (option) => option.DBInstanceClass !== "db.r6g.large",
    );
    const rows = await auroraOfferings(config, fakeClients({ catalogue }));
    expect(outcomes(rows)).toEqual([
      "Aurora PostgreSQL 16.6: FAIL deprecated: new clusters cannot use it",
      "Aurora class db.r6g.large: FAIL not orderable for aurora-postgresql 16.6",
    ]);
    expect(rows[1]!.fix).toContain(
      "describe-orderable-db-instance-options --engine aurora-postgresql --engine-version 16.6",
    );
    const missing = await auroraOfferings(config, fakeClients({ catalogue: { regions: {} } }));
    expect(missing[0]!.result).toBe("not offered in this region");
  });

  it("fails a class orderable in only some of the configured AZs", async () => {
    const catalogue = catalogueFor(config);
    for (const option of catalogue.regions["ap-east-2"]!.orderableDbInstanceOptions!)
      option.AvailabilityZones = [{ Name: "ap-east-2a" }];
    const rows = await auroraOfferings(config, fakeClients({ catalogue }));
    expect(rows[1]).toMatchObject({ outcome: "FAIL", result: "not orderable in ap-east-2b, ap-east-2c" });
  });

  it("requires global database support only when the environment needs a global database", async () => {
    const catalogue = catalogueFor(config);
    const region = catalogue.regions["ap-east-2"]!;
    region.dbEngineVersions!.forEach((version) => (version.SupportsGlobalDatabases = false));
    region.orderableDbInstanceOptions!.forEach((option) => (option.SupportsGlobalDatabases = false));
    expect(config.database.replication).toBe("dms-cdc");
    expect(needsGlobalDatabase(config)).toBe(false);
    expect(outcomes(await auroraOfferings(config, fakeClients({ catalogue })))).toEqual([
      "Aurora PostgreSQL 16.6: PASS available",
      "Aurora class db.r6g.large: PASS orderable for aurora-postgresql 16.6",
    ]);
    const global = { ...config, database: { ...config.database, replication: "global-database" as const } };
    expect(needsGlobalDatabase(global)).toBe(true);
    expect(outcomes(await auroraOfferings(global, fakeClients({ catalogue })))).toEqual([
      "Aurora PostgreSQL 16.6: FAIL no global database support",
      "Aurora class db.r6g.large: FAIL orderable, without global database support",
    ]);
    expect(outcomes(await auroraRows(config, fakeClients({ catalogue }), true))).toEqual([
      "Aurora PostgreSQL 16.6: FAIL no global database support",
      "Aurora class db.r6g.large: FAIL orderable, without global database support",
    ]);
    expect(outcomes(await auroraRows(config, fakeClients({ catalogue: catalogueFor(config) }), true))[0]).toBe(
      "Aurora PostgreSQL 16.6: PASS available, supports global databases",
    );
  });
});
