import { KUBERNETES_VERSIONS_READ_ON, STANDARD_SUPPORT_NOTICE_DAYS } from "../../src/config/kubernetes-versions";
import {
  alarms,
  clusterAccess,
  dnsTopology,
  helmReleases,
  encryption,
  iamRoles,
  inventory,
  kubernetesSupport,
  policySuppressions,
  protection,
  publicExposure,
  tagCoverage,
  type Row,
  type StackDocument,
} from "./sections";

export type { StackDocument } from "./sections";

/** A checkov check skipped by `.checkov.yaml`, with the reason written above it. */
export interface CheckovSkip {
  readonly id: string;
  readonly reason: string;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(headers: string[], rows: Row[], empty: string): string {
  if (rows.length === 0) return `_${empty}_\n`;
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

export interface StackReportOptions {
  /**
   * The day (ISO, UTC) the report judges dated facts against, such as the end of a Kubernetes
   * version's standard support. Defaults to today: the audit is a report, not synth; pass a date
   * for a reproducible report.
   */
  readonly reportDate?: string;
}

/** Today's date (UTC), ISO. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The audit report of one stack, as Markdown. */
export function stackReport(
  title: string,
  document: StackDocument,
  skips: readonly CheckovSkip[],
  options: StackReportOptions = {},
): string {
  const reportDate = options.reportDate ?? todayUtc();
  return [
    `# ${title}`,
    "",
    "Generated from the synthesized Terraform JSON by `npm run audit`; every figure is read from it.",
    "",
    "## Resource inventory",
    "",
    table(["type", "count"], inventory(document), "no resources"),
    "",
    "## Public exposure",
    "",
    table(["what", "where", "detail"], publicExposure(document), "nothing faces the internet"),
    "",
    "## Encryption",
    "",
    table(["store", "where", "at rest", "in transit"], encryption(document), "no data stores or logs"),
    "",
    "## Deletion protection",
    "",
    table(["type", "where", "deletion protection", "prevent_destroy"], protection(document), "no stateful resources"),
    "",
    "## IAM roles",
    "",
    table(["role", "trusted principals (conditions)", "permissions"], iamRoles(document), "no IAM roles"),
    "",
    "## DNS failover topology",
    "",
    table(
      ["name", "kind", "routing / check", "health check"],
      dnsTopology(document),
      "no DNS records or health checks",
    ),
    "",
    "## Alarms",
    "Every alarm, what makes it fire, the SNS topics it notifies and the runbook section (docs/runbooks.md) its description links to.",
    "",
    table(["alarm", "fires when", "notifies", "runbook"], alarms(document), "no alarms"),
    "",
    "## Kubernetes version support",
    `Judged on ${reportDate} against EKS's release calendar in \`src/config/kubernetes-versions.ts\` (read ${KUBERNETES_VERSIONS_READ_ON}); flagged when standard support ends within ${STANDARD_SUPPORT_NOTICE_DAYS} days or has ended.`,
    "",
    table(
      ["cluster", "Kubernetes version", "standard support ends", "extended support ends", "upgrade policy", "status"],
      kubernetesSupport(document, reportDate),
      "no EKS clusters",
    ),
    "",
    "## Cluster access and Helm releases",
    "",
    table(["provider", "cluster endpoint", "credentials"], clusterAccess(document), "no Kubernetes providers"),
    "",
    table(
      ["release", "namespace", "chart", "version", "repository", "rollback"],
      helmReleases(document),
      "no Helm releases",
    ),
    "",
    "## Tag coverage",
    "Every taggable AWS resource gets its provider's `default_tags` (enforced at synth by `RequiredTagsAspect`).",
    "",
    table(["provider", "default tag keys"], tagCoverage(document), "no AWS provider"),
    "",
    "## Policy suppressions",
    "",
    table(["resource", "rule", "reason"], policySuppressions(document), "no policy rule is suppressed"),
    "",
    "## checkov checks skipped for every stack",
    "",
    table(
      ["check", "reason"],
      skips.map((skip) => [skip.id, skip.reason]),
      "none",
    ),
    "",
  ].join("\n");
}

/** The index: one line per stack report. */
export function indexReport(
  entries: readonly { environment: string; stack: string; file: string; resources: number }[],
) {
  return [
    "# Audit reports",
    "",
    "One report per synthesized stack; regenerate with `npm run audit`.",
    "",
    table(
      ["environment", "stack", "resources", "report"],
      entries.map((entry) => [
        entry.environment,
        entry.stack,
        String(entry.resources),
        `[${entry.file}](${entry.file})`,
      ]),
      "no stacks",
    ),
    "",
  ].join("\n");
}
