/**
 * The sections of the audit report, each a pure function of one synthesized stack
 * (`cdk.tf.json`) and, where a section judges against a calendar, of the report date. Output is
 * sorted, so the same input always gives the same Markdown.
 */

import {
  STANDARD_SUPPORT_NOTICE_DAYS,
  kubernetesVersionRow,
  needsUpgrade,
  supportStatus,
  type SupportStatus,
} from "../../src/config/kubernetes-versions";
import { runbookOf } from "../../src/monitoring/runbooks";

type Block = Record<string, unknown>;
export interface StackDocument {
  readonly provider?: Record<string, Block[]>;
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
}
export type Row = string[];

const WORLD = ["0.0.0.0/0", "::/0"];
const str = (value: unknown): string =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value);
const first = (value: unknown): Block =>
  Array.isArray(value) ? ((value[0] ?? {}) as Block) : ((value ?? {}) as Block);
const pathOf = (block: Block) => str((first(block["//"]).metadata as Block | undefined)?.path);
const byPath = (a: Row, b: Row) => a.join("\u0000").localeCompare(b.join("\u0000"));

function resources(document: StackDocument, type: string): Block[] {
  return Object.values(document.resource?.[type] ?? {});
}

/** `${aws_x.id.attr}` -> the referenced block's construct path, when it is in this stack. */
function referencedPath(document: StackDocument, reference: unknown): string {
  const match = /^\$\{(data\.)?([a-z0-9_]+)\.([^.}]+)[.}]/.exec(str(reference));
  if (match === null) return str(reference);
  const kind = match[1] === undefined ? document.resource : document.data;
  const block = kind?.[match[2]!]?.[match[3]!];
  return block === undefined ? str(reference) : pathOf(block);
}

/** The name of the AWS-managed prefix list a rule refers to through a data source, if it does. */
function managedPrefixListName(document: StackDocument, reference: unknown): string | undefined {
  const match = /^\$\{data\.aws_ec2_managed_prefix_list\.([^.}]+)\.id\}$/.exec(str(reference));
  const list = match === null ? undefined : document.data?.aws_ec2_managed_prefix_list?.[match[1]!];
  return list === undefined ? undefined : `prefix list ${str(list.name)}`;
}

export function inventory(document: StackDocument): Row[] {
  return Object.entries(document.resource ?? {})
    .map(([type, blocks]): Row => [type, String(Object.keys(blocks).length)])
    .sort(byPath);
}

export function publicExposure(document: StackDocument): Row[] {
  const rows: Row[] = [];
  for (const rule of resources(document, "aws_vpc_security_group_ingress_rule")) {
    const cidr = [rule.cidr_ipv4, rule.cidr_ipv6].find((value) => WORLD.includes(str(value)));
    // An AWS-managed prefix list (CloudFront, Route 53 checkers) admits servers on the internet too.
    const source = cidr === undefined ? managedPrefixListName(document, rule.prefix_list_id) : str(cidr);
    if (source === undefined) continue;
    rows.push([
      "security group ingress",
      referencedPath(document, rule.security_group_id),
      `${str(rule.ip_protocol)} ${str(rule.from_port)}-${str(rule.to_port)} from ${source}: ${str(rule.description)}`,
    ]);
  }
  for (const lb of resources(document, "aws_lb")) {
    if (lb.internal !== true) rows.push(["internet-facing load balancer", pathOf(lb), str(lb.name)]);
  }
  for (const cluster of resources(document, "aws_eks_cluster")) {
    const vpc = first(cluster.vpc_config);
    if (vpc.endpoint_public_access === true) {
      rows.push(["public EKS API endpoint", pathOf(cluster), `allowed from ${str(vpc.public_access_cidrs)}`]);
    }
  }
  return rows.sort(byPath);
}

export function encryption(document: StackDocument): Row[] {
  const rows: Row[] = [];
  const sse = resources(document, "aws_s3_bucket_server_side_encryption_configuration");
  for (const [id, bucket] of Object.entries(document.resource?.aws_s3_bucket ?? {})) {
    const config = sse.find((candidate) => str(candidate.bucket).startsWith(`\${aws_s3_bucket.${id}.`));
    const algorithm = first(first(config?.rule).apply_server_side_encryption_by_default).sse_algorithm;
    rows.push(["S3 bucket", pathOf(bucket), `at rest: ${str(algorithm)}`, "in transit: see bucket policy (TLS-only)"]);
  }
  for (const group of resources(document, "aws_cloudwatch_log_group")) {
    rows.push(["log group", pathOf(group), `at rest: ${group.kms_key_id ? "KMS (customer key)" : "NONE"}`, "—"]);
  }
  for (const topic of resources(document, "aws_sns_topic")) {
    rows.push(["SNS topic", pathOf(topic), `at rest: ${topic.kms_master_key_id ? "KMS (customer key)" : "NONE"}`, "—"]);
  }
  for (const cluster of resources(document, "aws_eks_cluster")) {
    const secrets = first(cluster.encryption_config).resources;
    rows.push(["EKS cluster", pathOf(cluster), `secrets: ${secrets ? "KMS envelope" : "NONE"}`, "API: TLS"]);
  }
  for (const repository of resources(document, "aws_ecr_repository")) {
    const config = first(repository.encryption_configuration);
    const atRest = config.encryption_type === "KMS" ? "KMS (customer key)" : str(config.encryption_type ?? "AES256");
    rows.push(["image repository", pathOf(repository), `at rest: ${atRest}`, "pull/push: HTTPS"]);
  }
  for (const template of resources(document, "aws_launch_template")) {
    const ebs = first(first(template.block_device_mappings).ebs);
    rows.push([
      "node volumes",
      pathOf(template),
      `at rest: ${ebs.encrypted === "true" ? "KMS (customer key)" : "NONE"}`,
      "—",
    ]);
  }
  for (const listener of resources(document, "aws_lb_listener")) {
    const redirect = first(first(listener.default_action).redirect);
    const transit =
      listener.protocol === "HTTPS"
        ? `HTTPS ${str(listener.ssl_policy)}`
        : redirect.protocol === "HTTPS"
          ? `${str(listener.protocol)} redirected to HTTPS`
          : `${str(listener.protocol)} (plain)`;
    rows.push(["listener", pathOf(listener), "—", `in transit: ${transit}`]);
  }
  return rows.sort(byPath);
}

const PROTECTABLE: Record<string, string | undefined> = {
  aws_kms_key: undefined,
  aws_s3_bucket: undefined,
  aws_route53_zone: undefined,
  aws_eks_cluster: "deletion_protection",
  aws_lb: "enable_deletion_protection",
  aws_rds_cluster: "deletion_protection",
  aws_rds_global_cluster: "deletion_protection",
  aws_elasticache_replication_group: undefined,
  aws_ecr_repository: undefined,
};

export function protection(document: StackDocument): Row[] {
  return Object.entries(PROTECTABLE)
    .flatMap(([type, attribute]) =>
      resources(document, type).map((block): Row => [
        type,
        pathOf(block),
        attribute === undefined ? "n/a" : str(block[attribute] ?? false),
        str(first(block.lifecycle).prevent_destroy ?? false),
      ]),
    )
    .sort(byPath);
}

function policyStatements(document: StackDocument, reference: unknown): Block[] {
  const match = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(str(reference));
  const policy = match === null ? undefined : document.data?.aws_iam_policy_document?.[match[1]!];
  return (policy?.statement as Block[] | undefined) ?? [];
}

const conditionText = (conditions: unknown) =>
  ((conditions as Block[] | undefined) ?? [])
    .map((c) => `${str(c.test)} ${str(c.variable)} = ${str(c.values)}`)
    .join("; ") || "none";

export function iamRoles(document: StackDocument): Row[] {
  const rows: Row[] = [];
  for (const [id, role] of Object.entries(document.resource?.aws_iam_role ?? {})) {
    const self = `\${aws_iam_role.${id}.name}`;
    const trust = policyStatements(document, role.assume_role_policy)
      .map((statement) => {
        const principals = ((statement.principals as Block[] | undefined) ?? [])
          .map((p) => `${str(p.type)}:${str(p.identifiers)}`)
          .join(", ");
        return `${principals} (conditions: ${conditionText(statement.condition)})`;
      })
      .join("<br>");
    const attached = resources(document, "aws_iam_role_policy_attachment")
      .filter((attachment) => attachment.role === self)
      .map((attachment) => str(attachment.policy_arn).replace(/^.*:policy\//, "managed "));
    const inline = resources(document, "aws_iam_role_policy")
      .filter((policy) => policy.role === self)
      .flatMap((policy) => policyStatements(document, policy.policy))
      .map(
        (statement) =>
          `${str(statement.sid)}: ${((statement.actions as string[] | undefined) ?? []).length} actions on ${str(statement.resources)}` +
          (statement.condition ? ` if ${conditionText(statement.condition)}` : ""),
      );
    rows.push([str(role.name), trust, [...attached, ...inline].join("<br>") || "none"]);
  }
  return rows.sort(byPath);
}

export function dnsTopology(document: StackDocument): Row[] {
  const rows: Row[] = [];
  for (const check of resources(document, "aws_route53_health_check")) {
    rows.push([
      str(check.fqdn),
      `health check ${str(check.type)}`,
      `${str(check.request_interval)} s x ${str(check.failure_threshold)}, path ${str(check.resource_path)}, checkers ${str(check.regions)}${check.invert_healthcheck === true ? ", INVERTED (drill)" : ""}`,
      "—",
    ]);
  }
  for (const record of resources(document, "aws_route53_record")) {
    const failover = first(record.failover_routing_policy).type;
    const latency = first(record.latency_routing_policy).region;
    const policy = failover ? `failover ${str(failover)}` : latency ? `latency ${str(latency)}` : "simple";
    const target = record.alias
      ? `alias (evaluate target health: ${str(first(record.alias).evaluate_target_health)})`
      : "records";
    rows.push([str(record.name), `${str(record.type)} ${policy}`, target, str(record.health_check_id)]);
  }
  return rows.sort(byPath);
}

export function tagCoverage(document: StackDocument): Row[] {
  // Only AWS providers create AWS resources; helm and kubernetes have no default tags.
  return Object.entries(document.provider ?? {})
    .filter(([name]) => name === "aws")
    .flatMap(([name, configs]) =>
      configs.map((config): Row => [
        `${name}${config.alias ? `.${str(config.alias)}` : ""} (${str(config.region)})`,
        Object.keys(first(first(config.default_tags).tags))
          .sort()
          .join(", ") || "NONE",
      ]),
    )
    .sort(byPath);
}

/**
 * How Terraform reaches each cluster: a token from the ephemeral `aws_eks_cluster_auth` or an
 * exec plugin leaves nothing in state; anything else is a stored credential and is called out.
 */
export function clusterAccess(document: StackDocument & { ephemeral?: unknown }): Row[] {
  const rows: Row[] = [];
  for (const [name, configs] of Object.entries(document.provider ?? {})) {
    if (name !== "helm" && name !== "kubernetes") continue;
    for (const config of configs) {
      const connection = name === "helm" ? first(config.kubernetes) : config;
      const token = str(connection.token);
      const how = /^\$\{ephemeral\.aws_eks_cluster_auth\.[^}]+\.token\}$/.test(token)
        ? "ephemeral aws_eks_cluster_auth token (not stored)"
        : connection.exec !== undefined
          ? `exec: ${str(first(connection.exec).command)} ${(first(connection.exec).args as string[] | undefined)?.slice(0, 2).join(" ") ?? ""}`.trim()
          : connection.token !== undefined
            ? "STORED TOKEN"
            : "NONE";
      rows.push([name, str(connection.host), how]);
    }
  }
  return rows.sort(byPath);
}

/** Every Helm release: what runs on the cluster, from where, at which version. */
export function helmReleases(document: StackDocument): Row[] {
  return resources(document, "helm_release")
    .map((release): Row => [
      str(release.name),
      str(release.namespace).replace(/^\$\{kubernetes_namespace_v1\.[^}]+\}$/, "(its own namespace)"),
      str(release.chart).startsWith("assets/") ? "chart shipped with the stack" : str(release.chart),
      str(release.version),
      str(release.repository),
      release.atomic === true ? "atomic" : "not atomic",
    ])
    .sort(byPath);
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** A cluster's standing in EKS's calendar; flags (upper case) what needs an upgrade. */
function supportText(status: SupportStatus): string {
  const left = status.daysLeft ?? 0;
  switch (status.phase) {
    case "unknown":
      return status.standardEnds === undefined
        ? "UNKNOWN VERSION: not in EKS's release calendar (src/config/kubernetes-versions.ts)"
        : "UNKNOWN: not yet released on EKS on the report date";
    case "unsupported":
      return `UNSUPPORTED: extended support ended ${status.extendedEnds}; EKS upgrades the control plane itself`;
    case "extended":
      return `STANDARD SUPPORT ENDED ${status.standardEnds}: extended support (billed per cluster hour) until ${status.extendedEnds}`;
    case "standard":
      return needsUpgrade(status)
        ? `STANDARD SUPPORT ENDS IN ${days(left).toUpperCase()} (within ${STANDARD_SUPPORT_NOTICE_DAYS}): upgrade before ${status.standardEnds}`
        : `standard support, ${days(left)} left`;
  }
}

/**
 * Each cluster's Kubernetes version and where it stands in EKS's calendar on `onDate` (ISO):
 * flagged when standard support ends within the notice period or has ended.
 */
export function kubernetesSupport(document: StackDocument, onDate: string): Row[] {
  return resources(document, "aws_eks_cluster")
    .map((cluster): Row => {
      const version = str(cluster.version);
      const status = supportStatus(version, onDate);
      const source = kubernetesVersionRow(version)?.source.kind;
      return [
        pathOf(cluster),
        version,
        status.standardEnds ?? "—",
        status.extendedEnds ?? "—",
        str(first(cluster.upgrade_policy).support_type),
        supportText(status) + (source === "non-AWS" ? " (dates from a non-AWS source)" : ""),
      ];
    })
    .sort(byPath);
}

export function policySuppressions(document: StackDocument): Row[] {
  const rows: Row[] = [];
  for (const blocks of Object.values(document.resource ?? {})) {
    for (const block of Object.values(blocks)) {
      const suppressed = (first(block["//"]).policy_suppressions ?? {}) as Record<string, string>;
      for (const [rule, reason] of Object.entries(suppressed)) rows.push([pathOf(block), rule, reason]);
    }
  }
  return rows.sort(byPath);
}

const OPERATORS: Record<string, string> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: ">=",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "<=",
};

/** What a metric alarm compares: its metric, or the metric-math expression it returns. */
function alarmedValue(alarm: Block): string {
  const queries = (alarm.metric_query ?? []) as Block[];
  const returned = queries.find((query) => query.return_data === true);
  if (returned !== undefined) return `${str(returned.label ?? returned.expression)} (metric math)`;
  const statistic = alarm.statistic ?? alarm.extended_statistic;
  return `${str(alarm.namespace)} ${str(alarm.metric_name)} ${str(statistic)}`;
}

/** The period of a metric alarm, its own or its queries' (one value: they share it). */
function alarmPeriod(alarm: Block): string {
  const periods = ((alarm.metric_query ?? []) as Block[]).flatMap((query) =>
    query.metric === undefined ? [] : [first(query.metric).period],
  );
  return str(alarm.period ?? periods[0]);
}

/** A topic reference as the topic's name, when the topic is in this stack. */
function topicName(document: StackDocument, reference: unknown): string {
  const match = /^\$\{aws_sns_topic\.([^.}]+)\.arn\}$/.exec(str(reference));
  const topic = match === null ? undefined : document.resource?.aws_sns_topic?.[match[1]!];
  if (topic !== undefined) return str(topic.name);
  // An ARN built from another stack's naming: its last part is the topic's name.
  const arn = str(reference);
  return arn.includes(":sns:") ? arn.slice(arn.lastIndexOf(":") + 1) : arn;
}

/** A composite alarm's rule with references to this stack's alarms written as their names. */
function readableRule(document: StackDocument, rule: unknown): string {
  return str(rule).replace(/\$\{aws_cloudwatch_metric_alarm\.([^.}]+)\.alarm_name\}/g, (reference, id: string) =>
    str(document.resource?.aws_cloudwatch_metric_alarm?.[id]?.alarm_name ?? reference),
  );
}

/** Every alarm: what it compares, when it fires, whom it tells and which runbook section to open. */
export function alarms(document: StackDocument): Row[] {
  const notifies = (alarm: Block) => {
    const actions = (alarm.alarm_actions ?? []) as unknown[];
    return actions.length === 0
      ? "nobody (part of a composite)"
      : actions.map((action) => topicName(document, action)).join(", ");
  };
  const runbook = (alarm: Block) => {
    const section = runbookOf(alarm.alarm_description as string | undefined);
    return section === undefined ? "NONE" : `${section.file}#${section.anchor}`;
  };
  const metricRows = resources(document, "aws_cloudwatch_metric_alarm").map((alarm): Row => {
    const evaluation = `${str(alarm.datapoints_to_alarm ?? alarm.evaluation_periods)} of ${str(alarm.evaluation_periods)} x ${alarmPeriod(alarm)} s`;
    const operator = OPERATORS[str(alarm.comparison_operator)] ?? str(alarm.comparison_operator);
    return [
      str(alarm.alarm_name),
      `${alarmedValue(alarm)} ${operator} ${str(alarm.threshold)}, ${evaluation}, missing data: ${str(alarm.treat_missing_data ?? "missing")}`,
      notifies(alarm),
      runbook(alarm),
    ];
  });
  const compositeRows = resources(document, "aws_cloudwatch_composite_alarm").map((alarm): Row => [
    str(alarm.alarm_name),
    readableRule(document, alarm.alarm_rule),
    notifies(alarm),
    runbook(alarm),
  ]);
  return [...metricRows, ...compositeRows].sort(byPath);
}
