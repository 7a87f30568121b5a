/**
 * Every AWS metric the stacks alarm on, with the dimension set AWS publishes it under. An alarm
 * whose (namespace, metric, dimension names) AWS does not publish never receives a data point: it
 * sits in INSUFFICIENT_DATA forever, or, with missing data treated as breaching, fires forever.
 * `test/monitoring/metric-catalogue.test.ts` checks every alarm of every synthesized stack against
 * this table with {@link unknownAlarmMetrics}.
 *
 * To alarm on a new metric: read its AWS page, add an entry here with the page and the date read,
 * then write the alarm.
 */

/** Where an entry comes from, and when we read it. */
export interface MetricSource {
  readonly page: string;
  readonly read: string;
}

export interface MetricEntry {
  readonly namespace: string;
  readonly metricName: string;
  /** The exact set of dimension names the metric is published under (sorted). */
  readonly dimensions: readonly string[];
  /** Statistics that mean something for this metric; `pNN.NN` admits any percentile (p95, p99.9). */
  readonly statistics: readonly string[];
  /** AWS publishes one data point per this many seconds: a period must be a multiple of it. */
  readonly minPeriodSeconds: number;
  readonly unit: string;
  /** Regions whose CloudWatch holds the metric, where AWS restricts it; absent: every region. */
  readonly regions?: readonly string[];
  readonly source: MetricSource;
  /**
   * Whether AWS states this namespace, metric and dimension set: on the page, or (where the page
   * is silent on the exact set) in AWS material the note names.
   */
  readonly confirmed: boolean;
  /** What the page says, what else backs the entry, or (when not confirmed) what is missing. */
  readonly note?: string;
}

const READ = "2026-12-01";
const PERCENTILES = "pNN.NN";
/** Percentile rank `PR(:t)`: the share of data points at or below t (the SLO's latency indicator). */
const PERCENTILE_RANKS = "PR(:t)";
const STATISTICS_PAGE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html";

const ALB_PAGE =
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html";
const AURORA_PAGE = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html";
const AURORA_DIMENSIONS_PAGE = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/dimensions.html";
const CACHE_PAGE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html";
const ROUTE53_PAGE = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html";

/**
 * ElastiCache publishes node metrics per CacheClusterId and per (CacheClusterId, CacheNodeId). A
 * member of a cluster-mode-disabled replication group (`<group>-001`) is one node, so its
 * CacheClusterId is that node. There is no ReplicationGroupId dimension.
 */
const CACHE_DIMENSION_NOTE =
  "The AWS page lists the metric in AWS/ElastiCache, computed per cache node. The CacheClusterId set " +
  "(besides CacheClusterId+CacheNodeId) is also what AWS's own aws-cdk-lib lists for it (ElastiCacheMetrics " +
  "in aws-elasticache/lib/elasticache-canned-metrics.generated.d.ts); AWS's prose pages show only " +
  "CacheClusterId+CacheNodeId examples. There is no ReplicationGroupId dimension.";

/** "CloudWatch metrics published by canaries". */
const SYNTHETICS_PAGE =
  "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_metrics.html";

/** AWS WAF metrics and dimensions. */
const WAF_PAGE = "https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html";

/** AWS DMS task metrics ("Monitoring AWS DMS tasks", replication task metrics). */
const CLOUDFRONT_PAGE =
  "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/programming-cloudwatch-metrics.html";
const CONTAINER_INSIGHTS_PAGE =
  "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-EKS.html";
const DMS_PAGE = "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html";

export const METRIC_CATALOGUE: readonly MetricEntry[] = [
  // --- Route 53 health checks (global stack, us-east-1) ---
  {
    namespace: "AWS/Route53",
    metricName: "HealthCheckStatus",
    dimensions: ["HealthCheckId"],
    statistics: ["Minimum", "Average", "Maximum"],
    minPeriodSeconds: 60,
    unit: "None",
    regions: ["us-east-1"],
    source: { page: ROUTE53_PAGE, read: READ },
    confirmed: true,
    note:
      "The page: Route 53 metrics are available only in US East (N. Virginia), one data point a minute. AWS's " +
      "metrics-and-dimensions table (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-cloudwatch.html): " +
      "HealthCheckStatus, 1 healthy and 0 unhealthy, in AWS/Route53 with the HealthCheckId dimension.",
  },

  // --- Application Load Balancer (regional stacks) ---
  {
    namespace: "AWS/ApplicationELB",
    metricName: "HTTPCode_ELB_5XX_Count",
    dimensions: ["LoadBalancer"],
    statistics: ["Sum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note: "Dimensions LoadBalancer; AvailabilityZone+LoadBalancer. Reported only when nonzero. Sum is the useful statistic.",
  },
  {
    namespace: "AWS/ApplicationELB",
    metricName: "HTTPCode_Target_5XX_Count",
    dimensions: ["LoadBalancer"],
    statistics: ["Sum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note: "Dimensions LoadBalancer; AZ+LoadBalancer; TargetGroup+LoadBalancer; TargetGroup+AZ+LoadBalancer. Reported only when nonzero.",
  },
  {
    namespace: "AWS/ApplicationELB",
    metricName: "RequestCount",
    dimensions: ["LoadBalancer"],
    statistics: ["Sum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note: "Dimensions LoadBalancer; AZ+LoadBalancer; TargetGroup+LoadBalancer; TargetGroup+AZ+LoadBalancer. Sum is the useful statistic.",
  },
  {
    namespace: "AWS/ApplicationELB",
    metricName: "TargetResponseTime",
    dimensions: ["LoadBalancer"],
    statistics: ["Average", PERCENTILES, PERCENTILE_RANKS],
    minPeriodSeconds: 60,
    unit: "Seconds",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note:
      "Dimensions LoadBalancer; AZ+LoadBalancer; TargetGroup+LoadBalancer; TargetGroup+AZ+LoadBalancer. Average and " +
      `pNN.NN are the useful statistics. Percentile rank PR(:t) is defined on ${STATISTICS_PAGE} (read 2026-12-02) ` +
      "for metrics that keep percentile data, which this one does (it offers pNN.NN).",
  },
  {
    namespace: "AWS/ApplicationELB",
    metricName: "UnHealthyHostCount",
    dimensions: ["LoadBalancer", "TargetGroup"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note: "Dimensions TargetGroup+LoadBalancer; TargetGroup+AZ+LoadBalancer (never LoadBalancer alone). Reported if health checks are enabled.",
  },

  {
    namespace: "AWS/ApplicationELB",
    metricName: "HealthyHostCount",
    dimensions: ["LoadBalancer", "TargetGroup"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: ALB_PAGE, read: READ },
    confirmed: true,
    note: "Dimensions TargetGroup+LoadBalancer; TargetGroup+AZ+LoadBalancer, like UnHealthyHostCount (dashboards only).",
  },

  // --- CloudWatch Synthetics canaries (regional stacks and global) ---
  {
    namespace: "CloudWatchSynthetics",
    metricName: "SuccessPercent",
    dimensions: ["CanaryName"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Percent",
    source: { page: SYNTHETICS_PAGE, read: "2026-12-02" },
    confirmed: true,
    note:
      "The page: canaries publish in the CloudWatchSynthetics namespace; SuccessPercent, the percentage of runs that " +
      "succeed, with the CanaryName dimension (Browser only for multi-browser canaries). aws-cdk-lib's canned " +
      "metrics (successPercentAverage) use the same set.",
  },

  // --- AWS WAF (regional web ACLs; dashboards only) ---
  ...(["AllowedRequests", "BlockedRequests"] as const).map((metricName): MetricEntry => ({
    namespace: "AWS/WAFV2",
    metricName,
    dimensions: ["Region", "Rule", "WebACL"],
    statistics: ["Sum"],
    minPeriodSeconds: 60,
    unit: "Count",
    source: { page: WAF_PAGE, read: "2026-12-02" },
    confirmed: false,
    note:
      "UNCONFIRMED dimension set. The page: AWS WAF reports metrics once a minute in AWS/WAFV2, grouped by rule action, per web ACL, rule and " +
      "region. The stored copy we read does not show the dimension table itself; Rule=ALL for a web ACL's totals is " +
      "what the WAF console graphs. Used only on dashboards, where a wrong set shows an empty graph, not a silent alarm.",
  })),

  // --- Aurora (regional stacks) ---
  {
    namespace: "AWS/RDS",
    metricName: "CPUUtilization",
    dimensions: ["DBInstanceIdentifier"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Percent",
    source: { page: AURORA_PAGE, read: READ },
    confirmed: true,
    note: `Instance-level metric; DBInstanceIdentifier is a dimension per ${AURORA_DIMENSIONS_PAGE}. AWS suggests alarming on DBClusterIdentifier+Role (WRITER/READER) instead, since instance roles change over time.`,
  },
  {
    namespace: "AWS/RDS",
    metricName: "FreeableMemory",
    dimensions: ["DBInstanceIdentifier"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Bytes",
    source: { page: AURORA_PAGE, read: READ },
    confirmed: true,
    note: `Instance-level metric; DBInstanceIdentifier is a dimension per ${AURORA_DIMENSIONS_PAGE}.`,
  },
  {
    namespace: "AWS/RDS",
    metricName: "AuroraGlobalDBReplicationLag",
    dimensions: ["DBClusterIdentifier"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Milliseconds",
    source: { page: AURORA_PAGE, read: READ },
    confirmed: false,
    note:
      "UNCONFIRMED dimension set. The page lists the metric as cluster-level, published only in secondary " +
      `regions, and ${AURORA_DIMENSIONS_PAGE} lists DBClusterIdentifier among Aurora's dimensions, but no AWS ` +
      "page we could read names the exact set AuroraGlobalDBReplicationLag is published under; AWS's Aurora " +
      "labs read it under SourceRegion (CloudWatch console, RDS > SourceRegion). Check with `aws cloudwatch " +
      "list-metrics --namespace AWS/RDS --metric-name AuroraGlobalDBReplicationLag` in a secondary region.",
  },

  // --- AWS DMS change data capture (replication link stacks) ---
  ...(["CDCLatencySource", "CDCLatencyTarget"] as const).map((metricName): MetricEntry => ({
    namespace: "AWS/DMS",
    metricName,
    dimensions: ["ReplicationInstanceIdentifier", "ReplicationTaskIdentifier"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Seconds",
    source: { page: DMS_PAGE, read: "2026-12-02" },
    confirmed: false,
    note:
      "The page lists CDCLatencySource (gap between the last event captured from the source and the " +
      "instance's clock) and CDCLatencyTarget (gap to the last change committed on the target) as task " +
      "metrics, in seconds. UNCONFIRMED dimension values: no AWS page we could read names them; tools that " +
      "read these metrics (YACE, public dashboards) use the instance identifier and the resource id at the end " +
      "of the task's ARN, which is what the alarms use. Check with `aws cloudwatch list-metrics --namespace " +
      "AWS/DMS --metric-name CDCLatencyTarget`.",
  })),

  // --- ElastiCache Valkey / Redis OSS (regional stacks) ---
  {
    namespace: "AWS/ElastiCache",
    metricName: "EngineCPUUtilization",
    dimensions: ["CacheClusterId"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Percent",
    source: { page: CACHE_PAGE, read: READ },
    confirmed: true,
    note: CACHE_DIMENSION_NOTE,
  },
  {
    namespace: "AWS/ElastiCache",
    metricName: "DatabaseMemoryUsagePercentage",
    dimensions: ["CacheClusterId"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Percent",
    source: { page: CACHE_PAGE, read: READ },
    confirmed: true,
    note: CACHE_DIMENSION_NOTE,
  },
  {
    namespace: "AWS/ElastiCache",
    metricName: "GlobalDatastoreReplicationLag",
    dimensions: ["CacheClusterId"],
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit: "Seconds",
    source: { page: CACHE_PAGE, read: READ },
    confirmed: true,
    note: `Lag of the secondary region's primary node behind the primary region's. ${CACHE_DIMENSION_NOTE}`,
  },

  // --- CloudFront (the edge, in global) ---
  {
    namespace: "AWS/CloudFront",
    metricName: "5xxErrorRate",
    dimensions: ["DistributionId", "Region"],
    statistics: ["Average"],
    minPeriodSeconds: 60,
    unit: "Percent",
    regions: ["us-east-1"],
    source: { page: CLOUDFRONT_PAGE, read: "2026-12-02" },
    confirmed: true,
    note:
      "The page: every CloudFront metric has the dimensions DistributionId and Region (always Global), is read " +
      "from us-east-1, and has one valid statistic; 5xxErrorRate's is Average, unit Percent. A default metric " +
      "(no additional metrics needed).",
  },

  // --- Container Insights (regional dashboards, when observability is configured) ---
  ...(
    [
      ["cluster_node_count", ["ClusterName"], "Count", "The total number of worker nodes in the cluster."],
      ["cluster_failed_node_count", ["ClusterName"], "Count", "Worker nodes suffering from any node condition."],
      [
        "node_cpu_utilization",
        ["ClusterName"],
        "Percent",
        "Also per NodeName+InstanceId; ClusterName alone is the cluster's.",
      ],
      ["node_memory_utilization", ["ClusterName"], "Percent", "node_memory_working_set / node_memory_limit."],
      ["namespace_number_of_running_pods", ["ClusterName", "Namespace"], "Count", "Pods running per namespace."],
      [
        "pod_cpu_utilization",
        ["ClusterName", "Namespace"],
        "Percent",
        "Also per PodName or Service; Namespace+ClusterName aggregates a namespace.",
      ],
      [
        "pod_memory_utilization",
        ["ClusterName", "Namespace"],
        "Percent",
        "Also per PodName or Service; Namespace+ClusterName aggregates a namespace.",
      ],
    ] as const
  ).map(([metricName, dimensions, unit, note]): MetricEntry => ({
    namespace: "ContainerInsights",
    metricName,
    dimensions,
    statistics: ["Average", "Minimum", "Maximum"],
    minPeriodSeconds: 60,
    unit,
    source: { page: CONTAINER_INSIGHTS_PAGE, read: "2026-12-02" },
    confirmed: true,
    note: `The page's table lists this dimension set. ${note}`,
  })),
];

/** The `metric` block of a `metric_query` entry, as cdktf synthesizes it. */
export interface QueriedMetric {
  readonly namespace?: string;
  readonly metric_name?: string;
  readonly dimensions?: Record<string, string>;
  readonly stat?: string;
  readonly period?: number;
}

/** An `aws_cloudwatch_metric_alarm` block as synthesized (only the fields the check reads). */
export interface SynthesizedAlarm {
  /** How to name the alarm in a finding; defaults to `alarm_name`. */
  readonly name?: string;
  /** The AWS region of the alarm's provider, when known. */
  readonly region?: string;
  readonly alarm_name?: string;
  readonly namespace?: string;
  readonly metric_name?: string;
  readonly dimensions?: Record<string, string>;
  readonly statistic?: string;
  readonly extended_statistic?: string;
  readonly period?: number;
  readonly metric_query?: readonly { readonly id?: string; readonly metric?: QueriedMetric }[];
}

/** One metric an alarm reads: its own, or one of its `metric_query` metrics. */
interface MetricUse {
  readonly where: string;
  readonly namespace: string | undefined;
  readonly metricName: string | undefined;
  readonly dimensions: readonly string[];
  readonly statistic: string | undefined;
  readonly period: number | undefined;
}

function metricUses(alarm: SynthesizedAlarm): MetricUse[] {
  const name = alarm.name ?? alarm.alarm_name ?? "(unnamed alarm)";
  const uses: MetricUse[] = [];
  if (alarm.metric_name !== undefined || alarm.namespace !== undefined) {
    uses.push({
      where: name,
      namespace: alarm.namespace,
      metricName: alarm.metric_name,
      dimensions: Object.keys(alarm.dimensions ?? {}).sort(),
      statistic: alarm.statistic ?? alarm.extended_statistic,
      period: alarm.period,
    });
  }
  for (const [index, query] of (alarm.metric_query ?? []).entries()) {
    const metric = query.metric;
    if (metric === undefined) continue; // an expression over other queries
    uses.push({
      where: `${name} (metric_query ${query.id ?? index})`,
      namespace: metric.namespace,
      metricName: metric.metric_name,
      dimensions: Object.keys(metric.dimensions ?? {}).sort(),
      statistic: metric.stat,
      period: metric.period,
    });
  }
  return uses;
}

/**
 * The metrics a dashboard body graphs, as alarm-shaped entries, so the same check covers
 * dashboards: a renamed metric or dimension breaks a test rather than leaving a graph empty.
 */
export function dashboardMetrics(dashboardName: string, body: string): SynthesizedAlarm[] {
  const { widgets = [] } = JSON.parse(body) as { widgets?: { properties?: Record<string, unknown> }[] };
  return widgets.flatMap((widget, index) => {
    const properties = widget.properties ?? {};
    const lines = (properties.metrics ?? []) as unknown[][];
    return lines.flatMap((line) => {
      if (typeof line[0] !== "string") return []; // an expression
      const last = line[line.length - 1];
      const options = (typeof last === "object" && last !== null ? last : {}) as Record<string, unknown>;
      const pairs = line.slice(2, typeof last === "object" ? -1 : undefined) as string[];
      const dimensions = Object.fromEntries(pairs.flatMap((key, i) => (i % 2 === 0 ? [[key, pairs[i + 1]!]] : [])));
      return [
        {
          name: `${dashboardName} widget ${index} "${String(properties.title)}"`,
          region: properties.region as string | undefined,
          namespace: line[0],
          metric_name: line[1] as string,
          dimensions,
          statistic: options.stat as string | undefined,
          period: options.period as number | undefined,
        },
      ];
    });
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((item, i) => item === [...b].sort()[i]);

/** The table's entry for a namespace, metric and dimension-name set, if any. */
export function catalogueEntry(
  namespace: string | undefined,
  metricName: string | undefined,
  dimensions: readonly string[],
  catalogue: readonly MetricEntry[] = METRIC_CATALOGUE,
): MetricEntry | undefined {
  return catalogue.find(
    (entry) =>
      entry.namespace === namespace && entry.metricName === metricName && sameSet(entry.dimensions, dimensions),
  );
}

const PERCENTILE = /^p(\d{1,2}(\.\d{1,2})?|100)$/;
const PERCENTILE_RANK = /^PR\(:\d+(\.\d+)?\)$/;

function statisticAllowed(entry: MetricEntry, statistic: string): boolean {
  return (
    entry.statistics.includes(statistic) ||
    (entry.statistics.includes(PERCENTILES) && PERCENTILE.test(statistic)) ||
    (entry.statistics.includes(PERCENTILE_RANKS) && PERCENTILE_RANK.test(statistic))
  );
}

/**
 * Every way the alarms read a metric the table does not back: a (namespace, metric, dimension
 * names) triple not in the table, a statistic or period the entry does not allow, or a region
 * whose CloudWatch does not hold the metric. Empty when every alarm can receive data.
 */
export function unknownAlarmMetrics(
  alarms: readonly SynthesizedAlarm[],
  catalogue: readonly MetricEntry[] = METRIC_CATALOGUE,
): string[] {
  const findings: string[] = [];
  for (const alarm of alarms) {
    for (const use of metricUses(alarm)) {
      const pair = `${use.namespace}/${use.metricName} [${use.dimensions.join(", ")}]`;
      const entry = catalogueEntry(use.namespace, use.metricName, use.dimensions, catalogue);
      if (entry === undefined) {
        const known = catalogue
          .filter((candidate) => candidate.namespace === use.namespace && candidate.metricName === use.metricName)
          .map((candidate) => `[${candidate.dimensions.join(", ")}]`);
        findings.push(
          `${use.where}: ${pair} is not in the metric catalogue` +
            (known.length > 0 ? ` (AWS publishes it under ${known.join(" or ")})` : ""),
        );
        continue;
      }
      if (use.statistic === undefined || !statisticAllowed(entry, use.statistic)) {
        findings.push(
          `${use.where}: statistic ${use.statistic} of ${pair} is not one of ${entry.statistics.join(", ")}`,
        );
      }
      if (
        use.period === undefined ||
        use.period < entry.minPeriodSeconds ||
        use.period % entry.minPeriodSeconds !== 0
      ) {
        findings.push(
          `${use.where}: period ${use.period} of ${pair} is not a multiple of ${entry.minPeriodSeconds} s (AWS's publishing interval)`,
        );
      }
      if (alarm.region !== undefined && entry.regions !== undefined && !entry.regions.includes(alarm.region)) {
        findings.push(`${use.where}: ${pair} exists only in ${entry.regions.join(", ")}, not in ${alarm.region}`);
      }
    }
  }
  return findings;
}
