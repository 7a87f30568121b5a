import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { PolicyStatement } from "../iam-role";
import type { AwsAccount } from "../shared/aws-account";
import { CONTAINER_INSIGHTS_NAMESPACE } from "../shared/constants";
import type { Protection } from "../shared/protection";
import { type AgentTelemetry, agentConfig, tracingStatements } from "./agent-config";

export { type AgentTelemetry, OTLP_PORTS, agentConfig } from "./agent-config";

/** The EKS add-on that runs the CloudWatch agent and Fluent Bit for Container Insights. */
export const OBSERVABILITY_ADDON = "amazon-cloudwatch-observability";
/** The service account the add-on's agent runs as (its setup page, Pod Identity). */
export const AGENT_SERVICE_ACCOUNT = { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" } as const;
/** The log groups Container Insights writes per cluster: `/aws/containerinsights/<cluster>/<kind>`. */
export const CONTAINER_INSIGHTS_LOG_KINDS = ["application", "dataplane", "host", "performance"] as const;
/** Container Insights alone: no traces, no Prometheus workspace. */
const NO_TELEMETRY: AgentTelemetry = { tracing: false };

/** The log group of one Container Insights kind of a cluster. */
export function containerInsightsLogGroup(clusterName: string, kind: (typeof CONTAINER_INSIGHTS_LOG_KINDS)[number]) {
  return `/aws/containerinsights/${clusterName}/${kind}`;
}

/**
 * What the agent may do, narrower than AWS's CloudWatchAgentServerPolicy: write only this
 * cluster's Container Insights log groups and the ContainerInsights namespace, read the EC2
 * facts it labels metrics with, and send traces when it forwards them.
 */
export function agentStatements(
  account: AwsAccount,
  region: string,
  clusterName: string,
  telemetry: AgentTelemetry = NO_TELEMETRY,
): PolicyStatement[] {
  const groups = CONTAINER_INSIGHTS_LOG_KINDS.map(
    (kind) =>
      `arn:${account.partition}:logs:${region}:${account.id}:log-group:${containerInsightsLogGroup(clusterName, kind)}`,
  );
  return [
    {
      sid: "WriteContainerInsightsLogs",
      // CreateLogGroup only answers "already exists": the groups are Terraform's, with retention and a key.
      actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      resources: [...groups, ...groups.map((group) => `${group}:log-stream:*`)],
    },
    { sid: "FindLogGroups", actions: ["logs:DescribeLogGroups"], resources: ["*"] },
    {
      sid: "PublishContainerInsightsMetrics",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      conditions: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: [CONTAINER_INSIGHTS_NAMESPACE] }],
    },
    {
      sid: "ReadNodeFacts",
      actions: ["ec2:DescribeInstances", "ec2:DescribeTags", "ec2:DescribeVolumes"],
      resources: ["*"],
    },
    ...tracingStatements(telemetry, region),
  ];
}

export interface ContainerInsightsProps {
  readonly clusterName: string;
  readonly account: AwsAccount;
  readonly region: string;
  /** The `amazon-cloudwatch-observability` build, v3.1.0 or later (Pod Identity). */
  readonly addonVersion: string;
  /** Days the Container Insights log groups keep events. */
  readonly logRetentionDays: number;
  /** The agent's Pod Identity role (with {@link agentStatements}), ready to be assumed. */
  readonly agentRole: { readonly arn: string; readonly ready: ITerraformDependable[] };
  /**
   * What the agent forwards besides Container Insights (its role must allow it: {@link agentStatements}).
   * @default no traces, no Prometheus workspace
   */
  readonly telemetry?: AgentTelemetry;
  /** What must exist before the add-on's pods can run: node groups, networking. */
  readonly clusterReady: ITerraformDependable[];
  /**
   * How the module guards the log groups' keys against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * Container Insights (enhanced observability) on an EKS cluster: the managed add-on with its agent
 * on a Pod Identity role, and the log groups it writes created first, with retention and a
 * customer-managed key, so the agent never creates them unencrypted and kept forever.
 */
export class ContainerInsights extends Construct {
  readonly addon: EksAddon;
  readonly logGroups: EncryptedLogGroup[];

  constructor(scope: Construct, id: string, props: ContainerInsightsProps) {
    super(scope, id);
    this.logGroups = CONTAINER_INSIGHTS_LOG_KINDS.map(
      (kind) =>
        new EncryptedLogGroup(this, kind, {
          name: containerInsightsLogGroup(props.clusterName, kind),
          keyAlias: `${props.clusterName}-container-insights-${kind}`,
          description: `Container Insights ${kind} logs of EKS cluster ${props.clusterName}`,
          region: props.region,
          account: props.account,
          retentionInDays: props.logRetentionDays,
          protection: props.protection,
        }),
    );
    this.addon = new EksAddon(this, "addon", {
      clusterName: props.clusterName,
      addonName: OBSERVABILITY_ADDON,
      addonVersion: props.addonVersion,
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      // The add-on's schema: `agent.config` replaces the chart's default agent configuration.
      configurationValues: JSON.stringify({ agent: { config: agentConfig(props.telemetry ?? NO_TELEMETRY) } }),
      podIdentityAssociation: [{ roleArn: props.agentRole.arn, serviceAccount: AGENT_SERVICE_ACCOUNT.name }],
      dependsOn: [...props.clusterReady, ...props.agentRole.ready, ...this.logGroups.map((group) => group.logGroup)],
    });
  }
}
