import { describe, expect, it } from "vitest";
import { stackReport, type StackDocument } from "../../../tools/audit/report";
import { kubernetesSupport } from "../../../tools/audit/sections";

const REPORT_DATE = "2026-12-01";

/** A stack with one EKS cluster per entry, as synth writes them. */
function clusters(...versions: (string | undefined)[]): StackDocument {
  return {
    resource: {
      aws_eks_cluster: Object.fromEntries(
        versions.map((version, i) => [
          `cluster${i}`,
          {
            "//": { metadata: { path: `fixture/eks-${i}/cluster` } },
            name: `cluster-${i}`,
            ...(version === undefined ? {} : { version }),
            upgrade_policy: { support_type: "EXTENDED" },
          },
        ]),
      ),
    },
  };
}

const statusOf = (version: string | undefined, date = REPORT_DATE) => kubernetesSupport(clusters(version), date)[0]!;

describe("audit: Kubernetes version support", () => {
  it("flags a cluster on 1.34 on 2026-12-01: standard support ends 2026-12-02", () => {
    expect(statusOf("1.34")).toEqual([
      "fixture/eks-0/cluster",
      "1.34",
      "2026-12-02",
      "2027-12-02",
      "EXTENDED",
      "STANDARD SUPPORT ENDS IN 1 DAY (within 90): upgrade before 2026-12-02",
    ]);
  });

  it("does not flag a cluster whose standard support lasts more than 90 days", () => {
    expect(statusOf("1.35")[5]).toBe("standard support, 116 days left");
    expect(statusOf("1.36")[5]).toBe("standard support, 244 days left (dates from a non-AWS source)");
  });

  it("flags the 90th day but not the 91st", () => {
    expect(statusOf("1.35", "2026-12-26")[5]).toBe("standard support, 91 days left");
    expect(statusOf("1.35", "2026-12-27")[5]).toMatch(/^STANDARD SUPPORT ENDS IN 90 DAYS/);
  });

  it("flags a cluster whose standard support has ended, with the extended support it pays for", () => {
    expect(statusOf("1.34", "2026-12-02")[5]).toBe(
      "STANDARD SUPPORT ENDED 2026-12-02: extended support (billed per cluster hour) until 2027-12-02",
    );
    expect(statusOf("1.31")[5]).toBe(
      "UNSUPPORTED: extended support ended 2026-11-26; EKS upgrades the control plane itself",
    );
  });

  it("flags a version the calendar does not know, or a cluster without a version", () => {
    expect(statusOf("1.99")[5]).toMatch(/^UNKNOWN VERSION/);
    expect(statusOf(undefined).slice(1, 3)).toEqual(["—", "—"]);
    expect(statusOf(undefined)[5]).toMatch(/^UNKNOWN VERSION/);
  });

  it("lists every cluster of the stack, sorted by construct path", () => {
    expect(kubernetesSupport(clusters("1.35", "1.34"), REPORT_DATE).map((row) => row[1])).toEqual(["1.35", "1.34"]);
    expect(kubernetesSupport({}, REPORT_DATE)).toEqual([]);
  });

  it("prints the section with the report date it judged against", () => {
    const report = stackReport("fixture", clusters("1.34"), [], { reportDate: REPORT_DATE });
    expect(report).toContain("## Kubernetes version support");
    expect(report).toContain(`Judged on ${REPORT_DATE} against EKS's release calendar`);
    expect(report).toContain(
      "| fixture/eks-0/cluster | 1.34 | 2026-12-02 | 2027-12-02 | EXTENDED | STANDARD SUPPORT ENDS IN 1 DAY (within 90): upgrade before 2026-12-02 |",
    );
    expect(stackReport("fixture", {}, [], { reportDate: REPORT_DATE })).toContain("_no EKS clusters_");
  });

  it("refuses a report date that is not an ISO date", () => {
    expect(() => stackReport("fixture", clusters("1.34"), [], { reportDate: "tomorrow" })).toThrow(/ISO date/);
  });
});
