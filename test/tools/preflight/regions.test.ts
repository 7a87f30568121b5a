import { describe, expect, it } from "vitest";
import { REGION_CHECK, regionOptIn, regionsInUse } from "../../../tools/preflight/regions";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { production } from "./config";
import { fakeClients } from "./fake-clients";

describe("regionsInUse", () => {
  it("lists each serving region with its stack, and the state bucket's region", () => {
    expect([...regionsInUse(production())]).toEqual([
      ["ap-east-2", "stack taipei"],
      ["ap-northeast-1", "stack tokyo"],
      ["ap-southeast-1", "state bucket"],
    ]);
  });

  it("leaves the state region out for the cloud backend, and joins the uses of a shared region", () => {
    const config = production();
    const cloud = {
      ...config,
      state: {
        backend: "cloud" as const,
        organization: "acme",
        workspacePrefix: "genai",
        executionMode: "remote" as const,
        healthAssessments: false,
      },
    };
    expect([...regionsInUse(cloud).keys()]).toEqual(["ap-east-2", "ap-northeast-1"]);
    const shared = { ...config, state: { ...config.state, region: "ap-northeast-1" as const } };
    expect(regionsInUse(shared).get("ap-northeast-1")).toBe("stack tokyo, state bucket");
  });
});

describe("regionOptIn", () => {
  it("passes ENABLED and ENABLED_BY_DEFAULT regions", async () => {
    const rows = await regionOptIn(production(), fakeClients({ catalogue: catalogueFor(production()) }));
    expect(rows.map((row) => [row.region, row.outcome, row.result])).toEqual([
      ["ap-east-2", "PASS", "ENABLED (stack taipei)"],
      ["ap-northeast-1", "PASS", "ENABLED_BY_DEFAULT (stack tokyo)"],
      ["ap-southeast-1", "PASS", "ENABLED_BY_DEFAULT (state bucket)"],
    ]);
  });

  it("fails a DISABLED region with the command that enables it, and marks the region blocked", async () => {
    const catalogue = catalogueFor(production());
    catalogue.regions["ap-east-2"]!.optInStatus = "DISABLED";
    const rows = await regionOptIn(production(), fakeClients({ catalogue }));
    const taipei = rows.find((row) => row.region === "ap-east-2")!;
    expect(taipei).toMatchObject({
      check: REGION_CHECK,
      outcome: "FAIL",
      result: "DISABLED (stack taipei)",
      blocksRegion: true,
    });
    expect(taipei.fix).toContain("aws account enable-region --region-name ap-east-2");
    expect(rows.filter((row) => row.outcome === "FAIL")).toHaveLength(1);
  });

  it("fails a region still ENABLING with how to follow it", async () => {
    const catalogue = catalogueFor(production());
    catalogue.regions["ap-east-2"]!.optInStatus = "ENABLING";
    const [taipei] = await regionOptIn(production(), fakeClients({ catalogue }));
    expect(taipei!.outcome).toBe("FAIL");
    expect(taipei!.fix).toContain("aws account get-region-opt-status --region-name ap-east-2");
  });

  it("reports a refused GetRegionOptStatus without claiming the region is disabled", async () => {
    const denied = Object.assign(new Error("denied"), { name: "AccessDeniedException" });
    const rows = await regionOptIn(
      production(),
      fakeClients({ catalogue: catalogueFor(production()), failures: { regionOptStatus: denied } }),
    );
    expect(rows.every((row) => row.outcome === "FAIL" && !row.blocksRegion)).toBe(true);
    expect(rows[0]!.fix).toContain("account:GetRegionOptStatus");
  });
});
