import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type CheckovCounts } from "../../../tools/validate/report";
import { checkSelfTest, collectResults, isFailing } from "../../../tools/validate/steps";

const counts = (failures: string[] = [], passed = 10): CheckovCounts => ({
  passed,
  failed: failures.length,
  skipped: 1,
  failures,
});

describe("validate steps", () => {
  beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  describe("checkSelfTest", () => {
    const rejected = {
      terraform: new Map([
        [
          "selftest/provider-rejects",
          ['expected type to be one of ["PRIMARY" "SECONDARY"], got PRIMARI', "request_interval"],
        ],
      ]),
      checkov: new Map([["selftest/insecure", counts(["CKV_AWS_24 sg: ssh", "CKV2_AWS_6 bucket: public access"])]]),
    };

    it("passes when each broken stack is rejected by its own validator", () => {
      expect(checkSelfTest(rejected.terraform, rejected.checkov)).toEqual([]);
    });

    it("names the fixtures whose expected findings are missing", () => {
      expect(checkSelfTest(new Map(), rejected.checkov)).toEqual(["provider-rejects"]);
      expect(checkSelfTest(rejected.terraform, new Map([["selftest/insecure", counts(["CKV_AWS_24 sg"])]]))).toEqual([
        "insecure",
      ]);
    });
  });

  describe("collectResults and isFailing", () => {
    const synthesized = { stackIds: ["production/global", "production/taipei"], selfTestIds: ["selftest/insecure"] };
    const results = collectResults(
      synthesized,
      new Map([
        ["production/global", []],
        ["production/taipei", []],
        ["selftest/insecure", ["broken"]],
      ]),
      {
        shapesStale: false,
        errors: new Map([
          ["production/global", []],
          ["production/taipei", ["bad block"]],
        ]),
      },
      {
        counts: new Map([
          ["production/global", counts()],
          ["selftest/insecure", counts(["CKV_AWS_24 sg"])],
        ]),
      },
      { summary: "ok", problems: [] },
    );

    it("has one result per stack, self-test stacks last and without HCL or charts", () => {
      expect(results.map((result) => [result.id, result.selfTest])).toEqual([
        ["production/global", false],
        ["production/taipei", false],
        ["selftest/insecure", true],
      ]);
      expect(results[0]).toMatchObject({ hclErrors: [], checkov: counts(), charts: "ok" });
      expect(results[2]!.hclErrors).toBeUndefined();
      expect(results[2]!.charts).toBeUndefined();
    });

    it("fails a shipped stack on any finding, never a self-test stack", () => {
      expect(results.map(isFailing)).toEqual([false, true, false]);
    });

    it("fails a shipped stack checkov reported nothing for (a file it could not parse)", () => {
      const { checkov: _checkov, ...unchecked } = results[0]!;
      expect(isFailing(unchecked)).toBe(true);
    });
  });
});
