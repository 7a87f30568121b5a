import type { PolicyStatement } from "../iam-role";

/**
 * Where the agent listens for the app's OpenTelemetry data. The add-on runs the agent as a
 * DaemonSet on the host network (its chart's AmazonCloudWatchAgent resource sets `hostNetwork`),
 * so a pod reaches the agent of its own node at `status.hostIP` and these ports. Each `otlp`
 * section of an agent config needs its own ports (the agent's "Collect metrics and traces with
 * OpenTelemetry" page): traces keep OpenTelemetry's defaults, metrics take the next free pair.
 */
export const OTLP_PORTS = {
  traces: { grpc: 4317, http: 4318 },
  metrics: { grpc: 4327, http: 4328 },
} as const;

/** What the agent forwards besides Container Insights. */
export interface AgentTelemetry {
  /** Receive OTLP traces and send them to AWS X-Ray. */
  readonly tracing: boolean;
  /**
   * Receive OTLP metrics and remote-write them to this Amazon Managed Prometheus workspace (its
   * id, `ws-…`); the agent's role needs the workspace's remote-write statement besides.
   */
  readonly prometheusWorkspaceId?: string;
}

function listenOn({ grpc, http }: { grpc: number; http: number }) {
  // 0.0.0.0: the pods on the node call the host's address, not loopback.
  return { grpc_endpoint: `0.0.0.0:${grpc}`, http_endpoint: `0.0.0.0:${http}` };
}

/**
 * The agent's configuration (the add-on's `agent.config`, which replaces its default). Written
 * out rather than left to the default, because the default also turns on Application Signals,
 * which writes to log groups and services this agent's role is not given (and whose regions AWS
 * does not list for Taipei).
 *
 * Sections, as the CloudWatch agent's configuration-file reference defines them:
 * - `logs.metrics_collected.kubernetes.enhanced_container_insights`: Container Insights;
 * - `traces.traces_collected.otlp`: OTLP traces to X-Ray (the add-on's operator publishes these
 *   ports on the agent's Service too);
 * - `metrics.metrics_collected.otlp` with `metrics_destinations.amp.workspace_id`: OTLP metrics
 *   to the workspace by Prometheus remote write (the agent's translator builds a
 *   `prometheusremotewrite/amp` exporter for every pipeline of that section).
 */
export function agentConfig(telemetry: AgentTelemetry): Record<string, unknown> {
  const config: Record<string, unknown> = {
    logs: { metrics_collected: { kubernetes: { enhanced_container_insights: true } } },
  };
  if (telemetry.tracing) {
    config.traces = { traces_collected: { otlp: listenOn(OTLP_PORTS.traces) } };
  }
  if (telemetry.prometheusWorkspaceId !== undefined) {
    config.metrics = {
      metrics_destinations: { amp: { workspace_id: telemetry.prometheusWorkspaceId } },
      metrics_collected: { otlp: listenOn(OTLP_PORTS.metrics) },
    };
  }
  return config;
}

/**
 * What tracing needs beyond Container Insights: X-Ray's write and sampling calls, which have no
 * resource types. (Remote write is the workspace's to grant: PrometheusWorkspace.remoteWriteStatement.)
 */
export function tracingStatements(telemetry: AgentTelemetry, region: string): PolicyStatement[] {
  if (!telemetry.tracing) return [];
  return [
    {
      sid: "SendTracesToXRay",
      actions: [
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries",
      ],
      resources: ["*"],
      conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [region] }],
    },
  ];
}
