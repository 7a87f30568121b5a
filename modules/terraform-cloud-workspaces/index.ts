import { DataTfeOrganizationMembership } from "@cdktf/provider-tfe/lib/data-tfe-organization-membership";
import { NotificationConfiguration } from "@cdktf/provider-tfe/lib/notification-configuration";
import { Project } from "@cdktf/provider-tfe/lib/project";
import type { TfeProvider } from "@cdktf/provider-tfe/lib/provider";
import { RunTrigger } from "@cdktf/provider-tfe/lib/run-trigger";
import { Variable } from "@cdktf/provider-tfe/lib/variable";
import { Workspace } from "@cdktf/provider-tfe/lib/workspace";
import { WorkspaceSettings } from "@cdktf/provider-tfe/lib/workspace-settings";
import { Construct } from "constructs";
import { type Protection, protectionSettings } from "../shared/protection";

/** Where a workspace's runs execute. */
export type ExecutionMode = { readonly mode: "remote" } | { readonly mode: "agent"; readonly agentPoolId: string };

/** One stack's workspace. */
export interface WorkspaceOptions {
  /** Workspace name, e.g. `genai-demo-production-taipei`. */
  readonly name: string;
  readonly description: string;
  /**
   * Stack ids whose workspaces read this one's state (`terraform_remote_state`); no one else may.
   * @default []
   */
  readonly stateConsumers?: string[];
  /**
   * Stack ids whose successful applies queue a run here.
   * @default []
   */
  readonly triggeredBy?: string[];
  /**
   * Environment variables of the workspace's runs (not secrets: role ARNs and switches).
   * @default {}
   */
  readonly environment?: Record<string, string>;
}

export interface TerraformCloudWorkspacesProps {
  readonly provider: TfeProvider;
  readonly organization: string;
  /** The project the workspaces belong to; created here. */
  readonly projectName: string;
  /** Terraform version every workspace runs, e.g. `1.11.4`. */
  readonly terraformVersion: string;
  readonly execution: ExecutionMode;
  /** Apply a plan without a person confirming it. */
  readonly autoApply: boolean;
  /** Health assessments (drift detection); HCP Terraform Plus only. */
  readonly healthAssessments: boolean;
  /** Workspaces by stack id. */
  readonly workspaces: Record<string, WorkspaceOptions>;
  /**
   * E-mail addresses told of failed runs (and drift, with health assessments). HCP Terraform
   * mails organization members only, so each must be a member; it is looked up by address.
   * @default []
   */
  readonly notifyEmails?: string[];
  /**
   * How the workspaces (which hold the stacks' state) are guarded against deletion.
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The HCP Terraform side of the platform: a project, a workspace per stack pinned to one Terraform
 * version, state shared only with the workspaces that read it, run triggers, the variables that
 * turn on dynamic AWS credentials, and notifications of failed runs.
 */
export class TerraformCloudWorkspaces extends Construct {
  readonly project: Project;
  readonly workspaces: Record<string, Workspace> = {};

  constructor(scope: Construct, id: string, props: TerraformCloudWorkspacesProps) {
    super(scope, id);
    const { provider, organization } = props;
    const guard = protectionSettings(props.protection);
    this.project = new Project(this, "project", { provider, organization, name: props.projectName });
    for (const [stackId, options] of Object.entries(props.workspaces)) {
      this.workspaces[stackId] = new Workspace(this, `workspace-${stackId}`, {
        provider,
        organization,
        name: options.name,
        description: options.description,
        projectId: this.project.id,
        terraformVersion: props.terraformVersion,
        // A workspace holds its stack's state: HCP Terraform refuses to delete one that still
        // manages resources, and Terraform refuses to plan its deletion in production.
        forceDelete: false,
        lifecycle: { preventDestroy: guard.preventDestroy },
      });
    }
    const notifyUserIds = this.memberIds(provider, organization, props.notifyEmails ?? []);
    for (const [stackId, options] of Object.entries(props.workspaces)) {
      const workspace = this.workspaces[stackId]!;
      new WorkspaceSettings(this, `settings-${stackId}`, {
        provider,
        workspaceId: workspace.id,
        executionMode: props.execution.mode,
        agentPoolId: props.execution.mode === "agent" ? props.execution.agentPoolId : undefined,
        autoApply: props.autoApply,
        assessmentsEnabled: props.healthAssessments,
        globalRemoteState: false,
        remoteStateConsumerIds: (options.stateConsumers ?? []).map((consumer) => this.workspaceId(consumer)),
      });
      for (const source of options.triggeredBy ?? []) {
        new RunTrigger(this, `trigger-${source}-to-${stackId}`, {
          provider,
          workspaceId: workspace.id,
          sourceableId: this.workspaceId(source),
        });
      }
      for (const [key, value] of Object.entries(options.environment ?? {})) {
        new Variable(this, `${stackId}-env-${key}`, {
          provider,
          workspaceId: workspace.id,
          category: "env",
          key,
          value,
          description: "Set by the terraform-cloud stack",
        });
      }
      if (notifyUserIds.length > 0) {
        new NotificationConfiguration(this, `notify-${stackId}`, {
          provider,
          workspaceId: workspace.id,
          name: "failed runs",
          destinationType: "email",
          emailUserIds: notifyUserIds,
          enabled: true,
          triggers: ["run:errored", ...(props.healthAssessments ? ["assessment:drifted", "assessment:failed"] : [])],
        });
      }
    }
  }

  private workspaceId(stackId: string): string {
    const workspace = this.workspaces[stackId];
    if (workspace === undefined) throw new Error(`no workspace for stack "${stackId}"`);
    return workspace.id;
  }

  private memberIds(provider: TfeProvider, organization: string, emails: readonly string[]): string[] {
    return [...new Set(emails)].map(
      (email) =>
        new DataTfeOrganizationMembership(this, `member-${email.replace(/[^a-zA-Z0-9]+/g, "-")}`, {
          provider,
          organization,
          email,
        }).userId,
    );
  }
}
