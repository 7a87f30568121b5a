import { PrometheusWorkspace as Workspace } from "@cdktf/provider-aws/lib/prometheus-workspace";
import { PrometheusWorkspaceConfiguration } from "@cdktf/provider-aws/lib/prometheus-workspace-configuration";
import { Construct } from "constructs";
import type { PolicyStatement } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { type Protection, protectionSettings } from "../shared/protection";

/**
 * Days a workspace may keep samples: UpdateWorkspaceConfiguration takes at least 1, and AWS's
 * "Ingest metrics to your workspace" page names 1095 days (three years) as the most (read
 * 2026-12-02; the default is 150).
 */
export const PROMETHEUS_RETENTION_DAYS = { min: 1, max: 1095 } as const;

export interface PrometheusWorkspaceProps {
  /** The workspace alias, e.g. `genai-demo-production-taipei` (1 to 100 characters). */
  readonly alias: string;
  readonly account: AwsAccount;
  /** Days the workspace keeps samples ({@link PROMETHEUS_RETENTION_DAYS}). */
  readonly retentionDays: number;
  /**
   * How the module guards the workspace and its key against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * An Amazon Managed Service for Prometheus workspace encrypted with its own customer-managed key,
 * keeping samples as long as configured. Writers and readers get statements for exactly this
 * workspace ({@link PrometheusWorkspace.remoteWriteStatement}, {@link PrometheusWorkspace.queryStatement}).
 *
 * The key stays administered through the account's IAM (AWS's default statement): AMP creates the
 * grants it needs with the creating principal's permissions, and a workspace's key cannot be
 * changed later (AWS's "Encryption at rest" page of AMP).
 */
export class PrometheusWorkspace extends Construct {
  readonly workspace: Workspace;
  readonly key: EncryptionKey;
  /** The workspace id (`ws-…`), as collectors name their destination. */
  readonly id: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: PrometheusWorkspaceProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    this.key = new EncryptionKey(this, "key", {
      alias: `${props.alias}-prometheus`,
      description: `Encrypts the samples of Prometheus workspace ${props.alias}`,
      account: props.account,
      protection: props.protection,
    });
    this.workspace = new Workspace(this, "workspace", {
      alias: props.alias,
      kmsKeyArn: this.key.arn,
      lifecycle: { preventDestroy: guard.preventDestroy },
      tags: { Name: props.alias },
    });
    this.id = this.workspace.id;
    this.arn = this.workspace.arn;
    new PrometheusWorkspaceConfiguration(this, "configuration", {
      workspaceId: this.workspace.id,
      retentionPeriodInDays: props.retentionDays,
    });
  }

  /** Lets a collector write samples (Prometheus remote write) into this workspace only. */
  remoteWriteStatement(): PolicyStatement {
    return { sid: "RemoteWriteToWorkspace", actions: ["aps:RemoteWrite"], resources: [this.arn] };
  }

  /** Lets a dashboard or operator query this workspace only (PromQL). */
  queryStatement(): PolicyStatement {
    return {
      sid: "QueryWorkspace",
      actions: ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata"],
      resources: [this.arn],
    };
  }
}
