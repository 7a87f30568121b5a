import { describe, expect, it } from "vitest";
import { headingAnchor, headingAnchors, runbookFindings, runbookOf } from "../../src/monitoring/runbooks";

const doc = "# Runbooks\n\n## Latency SLO burning\n\ntext\n\n### A region fails its health check\n";
const anchorsOf = (file: string) => (file === "docs/runbooks.md" ? headingAnchors(doc) : new Set<string>());

describe("runbook links of alarms", () => {
  it("makes GitHub's anchors of headings", () => {
    expect(headingAnchor(" Load balancer p95 latency")).toBe("load-balancer-p95-latency");
    expect(headingAnchor("`dms-cdc` (production): promote Tokyo")).toBe("dms-cdc-production-promote-tokyo");
    expect([...headingAnchors(doc)]).toEqual(["runbooks", "latency-slo-burning", "a-region-fails-its-health-check"]);
  });

  it("reads the section a description ends with", () => {
    expect(runbookOf("P1: slow. Runbook: docs/runbooks.md#latency-slo-burning")).toEqual({
      file: "docs/runbooks.md",
      anchor: "latency-slo-burning",
    });
    expect(runbookOf("Runbook: docs/runbooks.md#latency-slo-burning, then call")).toBeUndefined();
  });

  it("accepts an alarm linking to an existing section", () => {
    const alarm = { name: "ok", description: "Slow. Runbook: docs/runbooks.md#latency-slo-burning" };
    expect(runbookFindings([alarm], anchorsOf)).toEqual([]);
  });

  it("reports a missing link, a missing section or file, and a description CloudWatch refuses", () => {
    const findings = runbookFindings(
      [
        { name: "bare", description: "Slow." },
        { name: "none" },
        { name: "section", description: "Runbook: docs/runbooks.md#renamed-section" },
        { name: "file", description: "Runbook: docs/gone.md#latency-slo-burning" },
        { name: "long", description: `${"x".repeat(1000)} Runbook: docs/runbooks.md#latency-slo-burning` },
      ],
      anchorsOf,
    );
    expect(findings).toEqual([
      expect.stringMatching(/^bare: description does not end with "Runbook:/),
      expect.stringMatching(/^none: description does not end with/),
      "section: docs/runbooks.md has no section #renamed-section",
      "file: docs/gone.md has no section #latency-slo-burning",
      expect.stringMatching(/^long: description of 1046 characters \(CloudWatch takes 1024\)/),
    ]);
  });
});
