import { describe, expect, it } from "vitest";
import { nodeGroupsByInstanceType, nodeInstanceTypes } from "../../../tools/preflight/instance-types";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { primaryOnly, production } from "./config";
import { fakeClients } from "./fake-clients";

describe("nodeInstanceTypes", () => {
  it("passes each instance type offered in every configured AZ, with one call per region", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(production()) });
    const rows = await nodeInstanceTypes(production(), clients);
    expect(rows.map((row) => `${row.check} ${row.region} ${row.outcome}`)).toEqual([
      "EC2 m6i.large (node group general) ap-east-2 PASS",
      "EC2 m5.large (node group general) ap-east-2 PASS",
      "EC2 m6i.large (node group general) ap-northeast-1 PASS",
      "EC2 m5.large (node group general) ap-northeast-1 PASS",
    ]);
    expect(clients.calls).toEqual([
      'instanceTypeOfferings("ap-east-2", ["m6i.large","m5.large"], ["ap-east-2a","ap-east-2b","ap-east-2c"])',
      'instanceTypeOfferings("ap-northeast-1", ["m6i.large","m5.large"], ["ap-northeast-1a","ap-northeast-1c","ap-northeast-1d"])',
    ]);
  });

  it("fails a type missing from one AZ, naming the AZ and how to list the offering", async () => {
    const config = primaryOnly(production());
    const catalogue = catalogueFor(config);
    const offerings = catalogue.regions["ap-east-2"]!.instanceTypeOfferings!;
    offerings["ap-east-2c"] = offerings["ap-east-2c"]!.filter((type) => type !== "m5.large");
    const rows = await nodeInstanceTypes(config, fakeClients({ catalogue }));
    const failed = rows.filter((row) => row.outcome === "FAIL");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      check: "EC2 m5.large (node group general)",
      result: "not offered in ap-east-2c",
    });
    expect(failed[0]!.fix).toContain("--filters Name=instance-type,Values=m5.large --region ap-east-2");
  });

  it("fails every type of a region that offers none of them (e.g. an AZ name this account lacks)", async () => {
    const config = primaryOnly(production());
    const rows = await nodeInstanceTypes(config, fakeClients({ catalogue: { regions: {} } }));
    expect(rows.map((row) => row.result)).toEqual([
      "not offered in ap-east-2a, ap-east-2b, ap-east-2c",
      "not offered in ap-east-2a, ap-east-2b, ap-east-2c",
    ]);
  });
});

describe("nodeGroupsByInstanceType", () => {
  it("names every node group that asks for a type, each type once", () => {
    const region = production().regions[0]!;
    const general = region.eks.nodeGroups.general!;
    const withSpot = {
      ...region,
      eks: { ...region.eks, nodeGroups: { general, spot: { ...general, instanceTypes: ["m5.large", "m7i.large"] } } },
    };
    expect([...nodeGroupsByInstanceType(withSpot)]).toEqual([
      ["m6i.large", ["general"]],
      ["m5.large", ["general", "spot"]],
      ["m7i.large", ["spot"]],
    ]);
  });
});
