import { describe, expect, it } from "vitest";
import { fail, pass, skip } from "../../../tools/preflight/row";
import { type Expectation, judge } from "../../../tools/preflight/self-test-verdict";

const versioning: Expectation = {
  problems: [
    { outcome: "FAIL", check: "state bucket versioning", region: "ap-southeast-1", result: /^never enabled$/ },
  ],
  passing: ["region enabled"],
};
const rows = [
  pass("region enabled", "ap-east-2", "ENABLED"),
  fail("state bucket versioning", "ap-southeast-1", "never enabled", "put-bucket-versioning"),
];

describe("judge", () => {
  it("accepts exactly the expected rows with exit code 1", () => {
    expect(judge(versioning, rows, 1)).toEqual([]);
  });

  it("reports a wrong exit code, a missing row and an unexpected one", () => {
    expect(judge(versioning, rows, 0)).toEqual(["exit code 0, expected 1"]);
    const other = [rows[0]!, fail("state bucket encryption", "ap-southeast-1", "no default encryption", "fix")];
    expect(judge(versioning, other, 1)).toEqual([
      "expected one row FAIL state bucket versioning [ap-southeast-1] /^never enabled$/, found 0",
      "unexpected row FAIL state bucket encryption [ap-southeast-1] no default encryption",
    ]);
  });

  it("matches the region and the result too, and counts duplicates", () => {
    const elsewhere = [rows[0]!, { ...rows[1]!, region: "eu-west-1" }];
    expect(judge(versioning, elsewhere, 1)).toHaveLength(2);
    expect(judge(versioning, [rows[0]!, { ...rows[1]!, result: "Suspended" }], 1)).toHaveLength(2);
    expect(judge(versioning, [...rows, rows[1]!], 1)).toEqual([
      "expected one row FAIL state bucket versioning [ap-southeast-1] /^never enabled$/, found 2",
    ]);
  });

  it("expects exit code 0 when only SKIP rows are expected, and a PASS row for each named check", () => {
    const skipped: Expectation = {
      problems: [
        { outcome: "SKIP", check: "Terraform Cloud organization acme", region: "global", result: /not checked/ },
      ],
      passing: ["region enabled", "EKS add-on "],
    };
    const table = [rows[0]!, skip("Terraform Cloud organization acme", "global", "not checked: no token", "set it")];
    expect(judge(skipped, table, 0)).toEqual(['no PASS row for "EKS add-on "']);
    expect(judge({ problems: [], passing: [] }, [], 0)).toEqual([]);
  });
});
