import { describe, expect, it } from "vitest";
import { edgePrefixLists } from "../../../tools/preflight/prefix-lists";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { environmentConfig } from "../../helpers";
import { fakeClients } from "./fake-clients";

const staging = environmentConfig("staging");

describe("edgePrefixLists", () => {
  it("finds CloudFront's and the Route 53 checkers' lists in each region behind the edge", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(staging) });
    const rows = await edgePrefixLists(staging, clients);
    expect(rows.map((row) => `${row.region} ${row.check} ${row.outcome}`)).toEqual([
      "ap-east-2 prefix list com.amazonaws.global.cloudfront.origin-facing PASS",
      "ap-east-2 prefix list com.amazonaws.ap-east-2.route53-healthchecks PASS",
      "ap-northeast-1 prefix list com.amazonaws.global.cloudfront.origin-facing PASS",
      "ap-northeast-1 prefix list com.amazonaws.ap-northeast-1.route53-healthchecks PASS",
    ]);
  });

  it("fails a list a region lacks, naming it and what to do", async () => {
    const catalogue = catalogueFor(staging);
    catalogue.regions["ap-east-2"]!.managedPrefixLists = ["com.amazonaws.global.cloudfront.origin-facing"];
    const rows = await edgePrefixLists(staging, fakeClients({ catalogue }));
    const failed = rows.filter((row) => row.outcome === "FAIL");
    expect(failed).toEqual([
      expect.objectContaining({
        region: "ap-east-2",
        check: "prefix list com.amazonaws.ap-east-2.route53-healthchecks",
        result: "not offered in this region",
      }),
    ]);
    expect(failed[0]!.fix).toMatch(/leave `edge` out/);
  });

  it("checks nothing without an edge", async () => {
    const development = environmentConfig("development");
    const clients = fakeClients({ catalogue: catalogueFor(development) });
    expect(await edgePrefixLists(development, clients)).toEqual([]);
    expect(clients.calls).toEqual([]);
  });
});
