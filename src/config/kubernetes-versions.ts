/**
 * EKS's calendar of Kubernetes minor versions: when each was released on EKS and when its
 * standard and extended support end. A table with sources, never a lookup at synth time, so a
 * build stays reproducible; functions here take the date they judge against as an argument and
 * never read the clock.
 *
 * AWS's rule: a minor version is in standard support for 14 months after its EKS release, then in
 * extended support (billed per cluster hour) for 12 more; billing for extended support starts at
 * the beginning (UTC) of the day standard support ends, so that day is already extended support.
 * Dates are UTC calendar days. When AWS publishes a new row (or a date moves), add or change it
 * here with its source; `test/config/kubernetes-versions.test.ts` checks every row against the
 * 14 + 12 month rule and that every version the config accepts has a row.
 */

/** Who published a row: AWS's own calendar, or a third party where AWS's row was not found. */
export type KubernetesVersionSourceKind = "AWS" | "non-AWS";

export interface KubernetesVersionSource {
  readonly kind: KubernetesVersionSourceKind;
  /** The page the dates were read from. */
  readonly url: string;
  /** The date the row was read (ISO, UTC). */
  readonly read: string;
  /** Where the page's text came from, or what the row's dates rest on. */
  readonly note: string;
}

export interface KubernetesVersionRow {
  /** Kubernetes minor version, as EKS and the config spell it: `1.34`. */
  readonly minor: string;
  /** Upstream Kubernetes release (ISO date). */
  readonly upstreamRelease: string;
  /** Release on Amazon EKS (ISO date); standard support starts here. */
  readonly eksRelease: string;
  /** End of standard support (ISO date): from this day on the version is extended support. */
  readonly standardSupportEnds: string;
  /** End of extended support (ISO date): from this day on EKS upgrades the control plane itself. */
  readonly extendedSupportEnds: string;
  readonly source: KubernetesVersionSource;
}

/** The date every row below was read. */
export const KUBERNETES_VERSIONS_READ_ON = "2026-12-01";

const AWS_CALENDAR: KubernetesVersionSource = {
  kind: "AWS",
  url: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar",
  read: KUBERNETES_VERSIONS_READ_ON,
  note:
    "Amazon EKS User Guide, 'Amazon EKS Kubernetes release calendar'; the page's source is " +
    "github.com/awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc " +
    "(the newest stored version read, commit 0e7fca3762579493a98cb32ab54b137ab194a2d7, lists 1.29 to 1.35)",
};

/** Newest first. */
export const EKS_KUBERNETES_VERSIONS: readonly KubernetesVersionRow[] = [
  {
    minor: "1.36",
    upstreamRelease: "2026-04-22",
    eksRelease: "2026-06-02",
    standardSupportEnds: "2027-08-02",
    extendedSupportEnds: "2028-08-02",
    source: {
      kind: "non-AWS",
      url: "https://devopsdreams.blogspot.com/2026/08/kubernetes-136-on-amazon-eks-upgrade.html",
      read: KUBERNETES_VERSIONS_READ_ON,
      note:
        "AWS's own row for 1.36 was not found in any stored copy of the EKS release calendar (the newest " +
        "stored kubernetes-versions.adoc ends at 1.35; AWS's translated pages already name 1.36 as the " +
        "newest version). The blog post gives the EKS release (June 2, 2026) and the end of standard " +
        "support (August 2, 2027); a third-party copy of the calendar ('verified 2026-08-06 via " +
        "docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html') gives the same dates and " +
        "August 2, 2028 for extended support, which is also AWS's 14 + 12 month rule. The upstream " +
        "release date is kubernetes.io/releases/1.36. Replace with AWS's row when it can be read.",
    },
  },
  {
    minor: "1.35",
    upstreamRelease: "2025-12-17",
    eksRelease: "2026-01-27",
    standardSupportEnds: "2027-03-27",
    extendedSupportEnds: "2028-03-27",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.34",
    upstreamRelease: "2025-08-27",
    eksRelease: "2025-10-02",
    standardSupportEnds: "2026-12-02",
    extendedSupportEnds: "2027-12-02",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.33",
    upstreamRelease: "2025-04-23",
    eksRelease: "2025-05-29",
    standardSupportEnds: "2026-07-29",
    extendedSupportEnds: "2027-07-29",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.32",
    upstreamRelease: "2024-12-11",
    eksRelease: "2025-01-23",
    standardSupportEnds: "2026-03-23",
    extendedSupportEnds: "2027-03-23",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.31",
    upstreamRelease: "2024-08-13",
    eksRelease: "2024-09-26",
    standardSupportEnds: "2025-11-26",
    extendedSupportEnds: "2026-11-26",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.30",
    upstreamRelease: "2024-04-17",
    eksRelease: "2024-05-23",
    standardSupportEnds: "2025-07-23",
    extendedSupportEnds: "2026-07-23",
    source: AWS_CALENDAR,
  },
  {
    minor: "1.29",
    upstreamRelease: "2023-12-13",
    eksRelease: "2024-01-23",
    standardSupportEnds: "2025-03-23",
    extendedSupportEnds: "2026-03-23",
    source: AWS_CALENDAR,
  },
];

/** How far ahead a report warns of the end of standard support (days). */
export const STANDARD_SUPPORT_NOTICE_DAYS = 90;

export type SupportPhase = "standard" | "extended" | "unsupported" | "unknown";

export interface SupportStatus {
  readonly phase: SupportPhase;
  /** End of standard support (ISO date), when the version is in the table. */
  readonly standardEnds?: string;
  /** End of extended support (ISO date), when the version is in the table. */
  readonly extendedEnds?: string;
  /** Days from the date judged to the end of standard support: 0 on that day, negative after it. */
  readonly daysLeft?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since the epoch of an ISO calendar date (UTC); throws on anything else. */
function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new Error(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`"${isoDate}" is not a calendar date`);
  }
  return time / MS_PER_DAY;
}

/** `1.34`, `v1.34` or a patch version `1.34.2` -> `1.34`; anything else is returned as given. */
function minorOf(version: string): string {
  const match = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(version.trim());
  return match === null ? version : `${Number(match[1])}.${Number(match[2])}`;
}

/** The table's row for a minor version, if it has one. */
export function kubernetesVersionRow(minor: string): KubernetesVersionRow | undefined {
  const key = minorOf(minor);
  return EKS_KUBERNETES_VERSIONS.find((row) => row.minor === key);
}

/** The end of EKS standard support for a minor version (ISO date), or undefined if it is not in the table. */
export function standardSupportEnds(minor: string): string | undefined {
  return kubernetesVersionRow(minor)?.standardSupportEnds;
}

/**
 * Where a minor version stands on a given day (ISO date, UTC). Pure: the day is an argument, so
 * the same inputs always give the same answer.
 */
export function supportStatus(minor: string, onDate: string): SupportStatus {
  const today = dayNumber(onDate);
  const row = kubernetesVersionRow(minor);
  if (row === undefined) return { phase: "unknown" };
  const daysLeft = dayNumber(row.standardSupportEnds) - today;
  const phase: SupportPhase =
    today < dayNumber(row.eksRelease)
      ? "unknown" // not yet released on EKS on that day
      : daysLeft > 0
        ? "standard"
        : today < dayNumber(row.extendedSupportEnds)
          ? "extended"
          : "unsupported";
  return { phase, standardEnds: row.standardSupportEnds, extendedEnds: row.extendedSupportEnds, daysLeft };
}

/**
 * Whether a version needs action on a given day: its standard support ends within `noticeDays`
 * (or has ended), or the version is not in the table at all.
 */
export function needsUpgrade(status: SupportStatus, noticeDays = STANDARD_SUPPORT_NOTICE_DAYS): boolean {
  return status.phase !== "standard" || (status.daysLeft ?? 0) <= noticeDays;
}
