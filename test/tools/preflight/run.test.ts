import { describe, expect, it } from "vitest";
import { CHECK_GROUPS } from "../../../tools/preflight/groups";
import { fail, pass } from "../../../tools/preflight/row";
import { REGION_SKIPPED_CHECK, foldBlockedRegions, hasFailures, runPreflight } from "../../../tools/preflight/run";
import { production, wellKeptAccount } from "./config";
import { fakeClients } from "./fake-clients";

describe("foldBlockedRegions", () => {
  const disabled = { ...fail("region enabled", "ap-east-2", "DISABLED", "enable it"), blocksRegion: true };

  it("folds every other row of a region that is not enabled into one SKIP row", () => {
    const rows = [
      disabled,
      pass("region enabled", "ap-northeast-1", "ENABLED_BY_DEFAULT"),
      fail("EC2 m6i.large", "ap-east-2", "AuthFailure", "..."),
      pass("EKS Kubernetes 1.34", "ap-east-2", "standard support"),
      pass("EC2 m6i.large", "ap-northeast-1", "offered"),
    ];
    expect(foldBlockedRegions(rows).map((row) => `${row.check} ${row.region} ${row.outcome} ${row.result}`)).toEqual([
      "region enabled ap-east-2 FAIL DISABLED",
      "region enabled ap-northeast-1 PASS ENABLED_BY_DEFAULT",
      "EC2 m6i.large ap-northeast-1 PASS offered",
      `${REGION_SKIPPED_CHECK} ap-east-2 SKIP 2 not run: the region is not enabled`,
    ]);
  });

  it("adds no SKIP row when nothing else ran there, and leaves unblocked tables alone", () => {
    expect(foldBlockedRegions([disabled])).toEqual([disabled]);
    const rows = [pass("a", "r", "ok"), fail("b", "r", "no", "fix")];
    expect(foldBlockedRegions(rows)).toEqual(rows);
  });
});

describe("runPreflight", () => {
  it("runs every group: an account offering everything passes every row", async () => {
    const config = production();
    const rows = await runPreflight(config, fakeClients(wellKeptAccount(config)));
    expect(rows.filter((row) => row.outcome !== "PASS")).toEqual([]);
    expect(hasFailures(rows)).toBe(false);
    // 3 regions enabled; per serving region 2 instance types, 2 Aurora, 2 cache, 1 + 5 EKS; 3 state
    // rows; 1 service-linked role; DMS and peering per region (production replicates with DMS);
    // the DMS class and version in Tokyo, and DMS's two fixed-name roles; the edge's 2 prefix
    // lists per region.
    expect(rows).toHaveLength(3 + 2 * (2 + 2 + 2 + 6) + 3 + 1 + 2 * 2 + 2 + 2 + 2 * 2);
  });

  it("turns a group that throws into one FAIL row and keeps the others", async () => {
    const config = production();
    const groups = [{ name: "broken", run: () => Promise.reject(new TypeError("x is undefined")) }, CHECK_GROUPS[0]!];
    const rows = await runPreflight(config, fakeClients(wellKeptAccount(config)), groups);
    expect(rows[0]).toMatchObject({
      check: "check group broken",
      outcome: "FAIL",
      result: "TypeError: x is undefined",
    });
    expect(rows.slice(1).every((row) => row.check === "region enabled")).toBe(true);
    expect(hasFailures(rows)).toBe(true);
  });

  it("lists the groups of issue 16's item 1, issue 15's DMS offerings and issue 19's prefix lists, in table order", () => {
    expect(CHECK_GROUPS.map((group) => group.name)).toEqual([
      "regionOptIn",
      "nodeInstanceTypes",
      "auroraOfferings",
      "cacheOfferings",
      "dmsOfferings",
      "assertedCapabilities",
      "eksVersions",
      "stateBackend",
      "adoptedHostedZone",
      "serviceLinkedRoles",
      "edgePrefixLists",
    ]);
  });
});
