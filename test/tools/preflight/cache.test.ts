import { describe, expect, it } from "vitest";
import { cacheOfferings } from "../../../tools/preflight/cache";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { primaryOnly, production } from "./config";
import { fakeClients } from "./fake-clients";

const config = primaryOnly(production());

describe("cacheOfferings", () => {
  it("passes the engine version and node type the region offers", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    const rows = await cacheOfferings(config, clients);
    expect(rows.map((row) => `${row.check}: ${row.outcome} ${row.result}`)).toEqual([
      "ElastiCache valkey 8.0: PASS offered",
      "ElastiCache node cache.r7g.large: PASS offered (1 reserved-node offering)",
    ]);
    expect(clients.calls).toEqual([
      'engineVersionExists("ap-east-2", "valkey", "8.0")',
      'reservedNodeOfferings("ap-east-2", "cache.r7g.large")',
    ]);
  });

  it("fails an engine version and a node type the region lacks, pointing at AWS's per-region table", async () => {
    const catalogue = catalogueFor(config);
    const region = catalogue.regions["ap-east-2"]!;
    region.cacheEngineVersions = region.cacheEngineVersions!.filter((version) => version.Engine !== "valkey");
    region.reservedCacheNodesOfferings = region.reservedCacheNodesOfferings!.filter(
      (offering) => offering.CacheNodeType !== "cache.r7g.large",
    );
    const rows = await cacheOfferings(config, fakeClients({ catalogue }));
    expect(rows.map((row) => `${row.outcome} ${row.result}`)).toEqual([
      "FAIL not offered in this region",
      "FAIL no offering in this region",
    ]);
    expect(rows[0]!.fix).toContain("describe-cache-engine-versions --engine valkey --region ap-east-2");
    expect(rows[1]!.fix).toContain("CacheNodes.SupportedTypes.html");
  });
});
