import { describe, expect, it } from "vitest";
import { fail, pass, skip } from "../../../tools/preflight/row";
import { TABLE_HEADER, formatTable, summaryLine } from "../../../tools/preflight/table";

const rows = [
  pass("region enabled", "ap-east-2", "ENABLED (stack taipei)"),
  fail("state bucket versioning", "ap-southeast-1", "never enabled", "aws s3api put-bucket-versioning ..."),
  skip("Terraform Cloud organization acme", "global", "not checked", "set TF_TOKEN_app_terraform_io"),
];

describe("formatTable", () => {
  const lines = formatTable(rows).split("\n");

  it("prints the four columns, a rule and one line per row", () => {
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(/^check\s+region\s+result\s+how to fix$/);
    expect(TABLE_HEADER).toEqual(["check", "region", "result", "how to fix"]);
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+ {2}-{10}$/);
  });

  it("aligns every column under its header and leads the result with the outcome", () => {
    const regionColumn = lines[0]!.indexOf("region");
    const resultColumn = lines[0]!.indexOf("result");
    const fixColumn = lines[0]!.indexOf("how to fix");
    expect(lines[3]!.indexOf("ap-southeast-1")).toBe(regionColumn);
    expect(lines[3]!.indexOf("FAIL never enabled")).toBe(resultColumn);
    expect(lines[3]!.indexOf("aws s3api")).toBe(fixColumn);
    expect(lines[2]!.slice(resultColumn)).toBe("PASS ENABLED (stack taipei)");
  });

  it("pads no line with trailing spaces (a PASS row has no fix)", () => {
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });
});

describe("summaryLine", () => {
  it("counts the rows by outcome", () => {
    expect(summaryLine(rows)).toBe("3 checks: 1 passed, 1 failed, 1 skipped");
    expect(summaryLine([])).toBe("0 checks: 0 passed, 0 failed, 0 skipped");
    expect(summaryLine([rows[1]!])).toBe("1 check: 0 passed, 1 failed, 0 skipped");
  });
});
