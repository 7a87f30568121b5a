import { describe, expect, it } from "vitest";
import {
  EKS_KUBERNETES_VERSIONS,
  KUBERNETES_VERSIONS_READ_ON,
  STANDARD_SUPPORT_NOTICE_DAYS,
  kubernetesVersionRow,
  needsUpgrade,
  standardSupportEnds,
  supportStatus,
} from "../../src/config/kubernetes-versions";
import { MAX_KUBERNETES_MINOR, MIN_KUBERNETES_MINOR } from "../../src/config/schema/eks";

/** `date` plus `months` calendar months (UTC), as AWS counts support periods. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

describe("EKS Kubernetes version table", () => {
  it("has one row per minor version, newest first, each with a source", () => {
    const minors = EKS_KUBERNETES_VERSIONS.map((row) => row.minor);
    expect(new Set(minors).size).toBe(minors.length);
    const numbers = minors.map((minor) => Number(minor.split(".")[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    for (const row of EKS_KUBERNETES_VERSIONS) {
      expect(row.source.url).toMatch(/^https:\/\//);
      expect(row.source.read).toBe(KUBERNETES_VERSIONS_READ_ON);
      expect(["AWS", "non-AWS"]).toContain(row.source.kind);
      expect(row.source.note.length).toBeGreaterThan(20);
    }
  });

  it("follows AWS's rule: 14 months of standard support after the EKS release, then 12 of extended", () => {
    for (const row of EKS_KUBERNETES_VERSIONS) {
      expect(row.upstreamRelease < row.eksRelease, row.minor).toBe(true);
      expect(row.standardSupportEnds, row.minor).toBe(addMonths(row.eksRelease, 14));
      expect(row.extendedSupportEnds, row.minor).toBe(addMonths(row.standardSupportEnds, 12));
    }
  });

  it("has AWS's published rows for 1.32 to 1.35", () => {
    const dates = (minor: string) => {
      const row = kubernetesVersionRow(minor)!;
      return [row.eksRelease, row.standardSupportEnds, row.extendedSupportEnds, row.source.kind];
    };
    expect(dates("1.32")).toEqual(["2025-01-23", "2026-03-23", "2027-03-23", "AWS"]);
    expect(dates("1.33")).toEqual(["2025-05-29", "2026-07-29", "2027-07-29", "AWS"]);
    expect(dates("1.34")).toEqual(["2025-10-02", "2026-12-02", "2027-12-02", "AWS"]);
    expect(dates("1.35")).toEqual(["2026-01-27", "2027-03-27", "2028-03-27", "AWS"]);
  });

  it("marks the rows that do not come from AWS", () => {
    expect(EKS_KUBERNETES_VERSIONS.filter((row) => row.source.kind === "non-AWS").map((row) => row.minor)).toEqual([
      "1.36",
    ]);
  });

  it("covers every version the config accepts", () => {
    for (let minor = MIN_KUBERNETES_MINOR; minor <= MAX_KUBERNETES_MINOR; minor++) {
      expect(standardSupportEnds(`1.${minor}`), `1.${minor}`).toBeDefined();
    }
  });
});

describe("standardSupportEnds", () => {
  it("gives the end of standard support of a minor version", () => {
    expect(standardSupportEnds("1.34")).toBe("2026-12-02");
    expect(standardSupportEnds("1.33")).toBe("2026-07-29");
  });

  it("accepts a patch version or a v prefix", () => {
    expect(standardSupportEnds("1.34.6")).toBe("2026-12-02");
    expect(standardSupportEnds("v1.35")).toBe("2027-03-27");
  });

  it("is undefined for a version not in the table", () => {
    expect(standardSupportEnds("1.20")).toBeUndefined();
    expect(standardSupportEnds("1.99")).toBeUndefined();
    expect(standardSupportEnds("latest")).toBeUndefined();
  });
});

describe("supportStatus", () => {
  it("is standard support until the day before standard support ends, with the days left", () => {
    expect(supportStatus("1.34", "2026-12-01")).toEqual({
      phase: "standard",
      standardEnds: "2026-12-02",
      extendedEnds: "2027-12-02",
      daysLeft: 1,
    });
    expect(supportStatus("1.35", "2026-12-01")).toMatchObject({ phase: "standard", daysLeft: 116 });
  });

  it("is extended support from the day standard support ends (billing starts that day, UTC)", () => {
    expect(supportStatus("1.34", "2026-12-02")).toMatchObject({ phase: "extended", daysLeft: 0 });
    expect(supportStatus("1.33", "2026-12-01")).toMatchObject({ phase: "extended", daysLeft: -125 });
  });

  it("is unsupported from the day extended support ends", () => {
    expect(supportStatus("1.31", "2026-11-25")).toMatchObject({ phase: "extended" });
    expect(supportStatus("1.31", "2026-11-26")).toMatchObject({ phase: "unsupported" });
  });

  it("is unknown for a version not in the table, or not yet released on that day", () => {
    expect(supportStatus("1.99", "2026-12-01")).toEqual({ phase: "unknown" });
    expect(supportStatus("1.36", "2026-05-01")).toMatchObject({ phase: "unknown", standardEnds: "2027-08-02" });
  });

  it("depends only on its arguments", () => {
    expect(supportStatus("1.35", "2027-03-26")).toEqual(supportStatus("1.35", "2027-03-26"));
    expect(supportStatus("1.35", "2027-03-26")).toMatchObject({ phase: "standard", daysLeft: 1 });
  });

  it("refuses a date that is not an ISO calendar date", () => {
    expect(() => supportStatus("1.34", "12/01/2026")).toThrow(/ISO date/);
    expect(() => supportStatus("1.34", "2026-02-30")).toThrow(/calendar date/);
  });
});

describe("needsUpgrade", () => {
  it(`flags standard support ending within ${STANDARD_SUPPORT_NOTICE_DAYS} days, or ended, or unknown`, () => {
    expect(needsUpgrade(supportStatus("1.34", "2026-12-01"))).toBe(true);
    expect(needsUpgrade(supportStatus("1.35", "2026-12-01"))).toBe(false);
    expect(needsUpgrade(supportStatus("1.35", "2026-12-27"))).toBe(true); // exactly 90 days left
    expect(needsUpgrade(supportStatus("1.35", "2026-12-26"))).toBe(false); // 91 days left
    expect(needsUpgrade(supportStatus("1.33", "2026-12-01"))).toBe(true);
    expect(needsUpgrade(supportStatus("1.99", "2026-12-01"))).toBe(true);
  });

  it("finds a version in standard support for at least six more months from 2026-12-01", () => {
    const lasting = EKS_KUBERNETES_VERSIONS.filter((row) => supportStatus(row.minor, "2026-12-01").phase === "standard")
      .filter((row) => row.standardSupportEnds > "2027-06-01")
      .map((row) => row.minor);
    expect(lasting).toEqual(["1.36"]);
  });
});
