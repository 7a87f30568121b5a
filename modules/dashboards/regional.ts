import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Construct } from "constructs";
import { CONTAINER_INSIGHTS_NAMESPACE } from "../shared/constants";
import {
  LOAD_BALANCER_NAMESPACE,
  type ServiceLevelObjectives,
  errorBudgetLeft,
  slowPercent,
  unavailablePercent,
} from "../slo-alarms";
import { type MetricQuery, type Widget, dashboardBody, graph, singleValue } from "./widgets";

const ONE_MINUTE = 60;
const SECONDS_PER_DAY = 24 * 60 * 60;
/** AWS WAF names a web ACL's totals with the pseudo-rule `ALL`. */
const WAF_ALL_RULES = "ALL";

export interface RegionalDashboardProps {
  /** Dashboard name, e.g. `genai-demo-production-taipei`. */
  readonly name: string;
  readonly region: string;
  readonly objectives: ServiceLevelObjectives;
  /** `arn_suffix` of the load balancer and of the app's target group. */
  readonly loadBalancerArnSuffix: string;
  readonly targetGroupArnSuffix: string;
  /** The web ACL's metric name (its visibility config), the WebACL dimension. */
  readonly webAclMetricName: string;
  /**
   * Aurora instance identifiers of this region.
   * @default [] (a region without a database of its own)
   */
  readonly databaseInstanceIds?: readonly string[];
  /** Cache member cluster ids (`<group>-001`, ...). */
  readonly cacheMemberIds: readonly string[];
  /**
   * The EKS cluster and the app's namespace, whose nodes and pods Container Insights measures.
   * @default - no node or pod graphs (a cluster without Container Insights publishes none)
   */
  readonly cluster?: { readonly name: string; readonly appNamespace: string };
}

const metric = (
  id: string,
  namespace: string,
  metricName: string,
  dimensions: Record<string, string>,
  stat: string,
  label?: string,
): MetricQuery => ({ id, label, metric: { namespace, metricName, dimensions, stat, period: ONE_MINUTE } });

/**
 * One page per region for whoever is on call: the SLOs and their budgets left, the load balancer,
 * the app's targets, WAF, the cluster's nodes and the app's pods, the database and the cache, each graph from the same metric queries
 * the alarms evaluate.
 */
export class RegionalDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: RegionalDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: dashboardBody([
        ...this.serviceLevels(props),
        ...this.requestPath(props),
        ...this.nodesAndPods(props),
        ...this.dataTier(props),
      ]),
    });
  }

  private serviceLevels(props: RegionalDashboardProps): Widget[] {
    const { objectives, region } = props;
    const at = { loadBalancerArnSuffix: props.loadBalancerArnSuffix };
    const threshold = objectives.latencyThresholdSeconds;
    const periodSeconds = objectives.periodDays * SECONDS_PER_DAY;
    const start = `-P${objectives.periodDays}D`;
    return [
      graph("Requests ending in a 5xx (%)", unavailablePercent({ ...at, periodSeconds: ONE_MINUTE }), { region }),
      graph(
        `Requests slower than ${threshold} s (%)`,
        slowPercent({ ...at, periodSeconds: ONE_MINUTE, thresholdSeconds: threshold }),
        {
          region,
        },
      ),
      singleValue(
        `Availability budget left (${objectives.availabilityTargetPercent} %, ${objectives.periodDays} d)`,
        errorBudgetLeft(unavailablePercent({ ...at, periodSeconds }), objectives.availabilityTargetPercent),
        { region, start, width: 4 },
      ),
      singleValue(
        `Latency budget left (${objectives.latencyTargetPercent} % within ${threshold} s, ${objectives.periodDays} d)`,
        errorBudgetLeft(
          slowPercent({ ...at, periodSeconds, thresholdSeconds: threshold }),
          objectives.latencyTargetPercent,
        ),
        { region, start, width: 4 },
      ),
    ];
  }

  private requestPath(props: RegionalDashboardProps): Widget[] {
    const { region } = props;
    const loadBalancer = { LoadBalancer: props.loadBalancerArnSuffix };
    const targets = { ...loadBalancer, TargetGroup: props.targetGroupArnSuffix };
    const webAcl = { WebACL: props.webAclMetricName, Region: region, Rule: WAF_ALL_RULES };
    const alb = (id: string, metricName: string, dimensions: Record<string, string>, stat: string, label?: string) =>
      metric(id, LOAD_BALANCER_NAMESPACE, metricName, dimensions, stat, label);
    return [
      graph("Requests", [alb("requests", "RequestCount", loadBalancer, "Sum")], { region }),
      graph(
        "App response time (s)",
        ["p50", "p95", "p99"].map((stat) => alb(stat, "TargetResponseTime", loadBalancer, stat, stat)),
        { region },
      ),
      graph(
        "App pods behind the load balancer",
        [
          alb("healthy", "HealthyHostCount", targets, "Minimum", "ready"),
          alb("unhealthy", "UnHealthyHostCount", targets, "Maximum", "failing readiness"),
        ],
        { region },
      ),
      graph(
        "WAF",
        [
          metric("allowed", "AWS/WAFV2", "AllowedRequests", webAcl, "Sum", "allowed"),
          metric("blocked", "AWS/WAFV2", "BlockedRequests", webAcl, "Sum", "blocked"),
        ],
        { region },
      ),
    ];
  }

  private nodesAndPods({ region, cluster }: RegionalDashboardProps): Widget[] {
    if (cluster === undefined) return [];
    const ofCluster = { ClusterName: cluster.name };
    const ofApp = { ...ofCluster, Namespace: cluster.appNamespace };
    const insights = (
      id: string,
      metricName: string,
      dimensions: Record<string, string>,
      stat: string,
      label: string,
    ) => metric(id, CONTAINER_INSIGHTS_NAMESPACE, metricName, dimensions, stat, label);
    return [
      graph(
        "Nodes",
        [
          insights("nodes", "cluster_node_count", ofCluster, "Average", "nodes"),
          insights("failed", "cluster_failed_node_count", ofCluster, "Maximum", "failed"),
        ],
        { region },
      ),
      graph(
        "Node CPU and memory (%)",
        [
          insights("cpu", "node_cpu_utilization", ofCluster, "Average", "CPU"),
          insights("memory", "node_memory_utilization", ofCluster, "Average", "memory"),
        ],
        { region },
      ),
      graph("App pods running", [insights("pods", "namespace_number_of_running_pods", ofApp, "Average", "running")], {
        region,
      }),
      graph(
        "App pod CPU and memory (%)",
        [
          insights("cpu", "pod_cpu_utilization", ofApp, "Average", "CPU"),
          insights("memory", "pod_memory_utilization", ofApp, "Average", "memory"),
        ],
        { region },
      ),
    ];
  }

  private dataTier(props: RegionalDashboardProps): Widget[] {
    const { region } = props;
    const instances = props.databaseInstanceIds ?? [];
    const perInstance = (metricName: string) =>
      instances.map((instance, i) =>
        metric(`db${i}`, "AWS/RDS", metricName, { DBInstanceIdentifier: instance }, "Average", instance),
      );
    const perMember = (metricName: string) =>
      props.cacheMemberIds.map((member, i) =>
        metric(`cache${i}`, "AWS/ElastiCache", metricName, { CacheClusterId: member }, "Average", member),
      );
    const database =
      instances.length === 0
        ? []
        : [
            graph("Database CPU (%)", perInstance("CPUUtilization"), { region }),
            graph("Database freeable memory (bytes)", perInstance("FreeableMemory"), { region }),
          ];
    return [
      ...database,
      graph("Cache engine CPU (%)", perMember("EngineCPUUtilization"), { region }),
      graph("Cache memory used (%)", perMember("DatabaseMemoryUsagePercentage"), { region }),
    ];
  }
}
