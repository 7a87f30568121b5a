import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../../src/config/schema";
import { DMS_SERVICE_ROLE_DESCRIPTION } from "../../../modules/change-data-capture/constants";
import { dmsOfferings } from "../../../tools/preflight/dms";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { production } from "./config";
import { fakeClients } from "./fake-clients";

const outcomes = (rows: { check: string; region: string; outcome: string; result: string }[]) =>
  rows.map((row) => `${row.check} ${row.region}: ${row.outcome} ${row.result}`);

describe("dmsOfferings", () => {
  const config = production();

  it("passes the class, version and absent roles of a well-kept account, in Tokyo only", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    expect(outcomes(await dmsOfferings(config, clients))).toEqual([
      "DMS class dms.r6i.large ap-northeast-1: PASS offered",
      "DMS engine 3.5.4 ap-northeast-1: PASS offered for dms.r6i.large",
      "IAM role dms-vpc-role global: PASS absent: global creates it",
      "IAM role dms-cloudwatch-logs-role global: PASS absent: global creates it",
    ]);
    expect(clients.calls.filter((call) => call.startsWith("orderableReplicationInstances"))).toEqual([
      'orderableReplicationInstances("ap-northeast-1", "dms.r6i.large")',
    ]);
  });

  it("fails a class the region does not offer, and a version not offered for the class, naming what is", async () => {
    const catalogue = catalogueFor(config);
    const tokyo = catalogue.regions["ap-northeast-1"]!;
    tokyo.orderableReplicationInstances = tokyo.orderableReplicationInstances!.filter(
      (offer) => offer.EngineVersion !== "3.5.4" || offer.ReplicationInstanceClass !== "dms.r6i.large",
    );
    const rows = outcomes(await dmsOfferings(config, fakeClients({ catalogue })));
    expect(rows[1]).toMatch(
      /^DMS engine 3\.5\.4 ap-northeast-1: FAIL not offered for dms\.r6i\.large \(offered: 3\.4\.7\)/,
    );
    tokyo.orderableReplicationInstances = [];
    expect(outcomes(await dmsOfferings(config, fakeClients({ catalogue })))[0]).toBe(
      "DMS class dms.r6i.large ap-northeast-1: FAIL not offered in this region",
    );
  });

  it("fails a role that exists while global would create it, and one declared but absent", async () => {
    const existing = fakeClients({ catalogue: catalogueFor(config), roles: { "dms-vpc-role": "/" } });
    expect(outcomes(await dmsOfferings(config, existing))).toContain(
      "IAM role dms-vpc-role global: FAIL exists already: global's create would fail",
    );
    const ours = fakeClients({
      catalogue: catalogueFor(config),
      roles: { "dms-vpc-role": "/" },
      roleDescriptions: { "dms-vpc-role": DMS_SERVICE_ROLE_DESCRIPTION },
    });
    expect(outcomes(await dmsOfferings(config, ours))).toContain(
      "IAM role dms-vpc-role global: PASS exists, created by global",
    );
    const declared: EnvironmentConfig = { ...config, existingDmsServiceRoles: true };
    expect(outcomes(await dmsOfferings(declared, fakeClients({ catalogue: catalogueFor(config) })))).toContain(
      "IAM role dms-cloudwatch-logs-role global: FAIL declared by existingDmsServiceRoles but absent",
    );
  });

  it("checks nothing without dms-cdc", async () => {
    const copies: EnvironmentConfig = { ...config, database: { ...config.database, replication: "snapshot-copy" } };
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    expect(await dmsOfferings(copies, clients)).toEqual([]);
    expect(clients.calls).toEqual([]);
  });
});
