import { TfeProvider } from "@cdktf/provider-tfe/lib/provider";
import type { Construct } from "constructs";
import { TerraformCloudAccess } from "../../modules/terraform-cloud-access";
import { TerraformCloudWorkspaces } from "../../modules/terraform-cloud-workspaces";
import { ROUTE53_METRICS_REGION } from "../config/aws-regions";
import { replicationLinks } from "../replication-links";
import { GLOBAL_STACK_ID, TERRAFORM_CLOUD_STACK_ID, type EnvironmentConfig } from "../config/schema";
import { cloudWorkspaceName } from "../state-backend";
import { pinnedTerraformVersion } from "../terraform-version";
import { PlatformStack } from "./platform-stack";
import { stateReads } from "./state-reads";

/** HCP Terraform's own hostname, unless the config names a Terraform Enterprise. */
export const DEFAULT_TERRAFORM_CLOUD_HOSTNAME = "app.terraform.io";

type CloudState = Extract<EnvironmentConfig["state"], { backend: "cloud" }>;

/**
 * What must exist before any remote run of the other stacks: their HCP Terraform project and
 * workspaces (state shared along the stacks' remote-state reads, run triggers from `global`,
 * failed-run notifications) and the keyless AWS credentials those runs use. Created only with
 * the cloud backend, and run once from a workstation with administrator credentials
 * (docs/operations.md, "Terraform Cloud").
 */
export class TerraformCloudStack extends PlatformStack {
  readonly access: TerraformCloudAccess;
  readonly workspaces: TerraformCloudWorkspaces;

  constructor(scope: Construct, config: EnvironmentConfig, state: CloudState) {
    super(scope, TERRAFORM_CLOUD_STACK_ID, { config, awsRegion: ROUTE53_METRICS_REGION });
    const hostname = state.hostname ?? DEFAULT_TERRAFORM_CLOUD_HOSTNAME;
    const projectName = state.project ?? `${config.project}-${config.name}`;
    const links = replicationLinks(config);
    const stackIds = [
      GLOBAL_STACK_ID,
      ...config.regions.map((region) => region.key),
      ...links.map((link) => link.stackId),
    ];
    const workspaceOf = (stackId: string) => cloudWorkspaceName(state.workspacePrefix, stackId);
    const linkOf = (stackId: string) => links.find((link) => link.stackId === stackId);
    const regionsOf = (stackId: string) => {
      if (stackId === GLOBAL_STACK_ID) return [ROUTE53_METRICS_REGION];
      const link = linkOf(stackId);
      if (link !== undefined) return [link.target.awsRegion, link.source.awsRegion];
      return [config.regions.find((region) => region.key === stackId)!.awsRegion];
    };
    // A change to global (zone, health checks) queues the regions, a region's change queues its
    // replication links; never the reverse.
    const triggersOf = (stackId: string) => {
      if (stackId === GLOBAL_STACK_ID) return [];
      const link = linkOf(stackId);
      return link === undefined ? [GLOBAL_STACK_ID] : [link.source.key, link.target.key];
    };

    this.access = new TerraformCloudAccess(this, "aws-access", {
      account: this.account,
      hostname,
      organization: state.organization,
      project: projectName,
      namePrefix: `${config.project}-${config.name}`,
      workspaces: Object.fromEntries(
        stackIds.map((stackId) => [stackId, { workspace: workspaceOf(stackId), regions: regionsOf(stackId) }]),
      ),
    });

    const reads = stateReads(config);
    const tfe = new TfeProvider(this, "tfe", { hostname, organization: state.organization });
    this.workspaces = new TerraformCloudWorkspaces(this, "workspaces", {
      provider: tfe,
      organization: state.organization,
      projectName,
      terraformVersion: pinnedTerraformVersion(),
      execution:
        state.executionMode === "agent" ? { mode: "agent", agentPoolId: state.agentPoolId! } : { mode: "remote" },
      autoApply: !config.production,
      healthAssessments: state.healthAssessments,
      protection: this.protection,
      notifyEmails: [...config.alerts.criticalEmails, ...config.alerts.warningEmails],
      workspaces: Object.fromEntries(
        stackIds.map((stackId) => {
          const roles = this.access.roles[stackId]!;
          return [
            stackId,
            {
              name: workspaceOf(stackId),
              description: `Stack ${stackId} of ${config.project} ${config.name}`,
              stateConsumers: reads.filter((read) => read.source === stackId).map((read) => read.reader),
              triggeredBy: triggersOf(stackId),
              environment: {
                TFC_AWS_PROVIDER_AUTH: "true",
                TFC_AWS_PLAN_ROLE_ARN: roles.plan.arn,
                TFC_AWS_APPLY_ROLE_ARN: roles.apply.arn,
              },
            },
          ];
        }),
      ),
    });
  }
}
