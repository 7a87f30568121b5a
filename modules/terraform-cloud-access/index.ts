import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Construct } from "constructs";
import { IamServiceRole, type PolicyStatement, awsManagedPolicyArn } from "../iam-role";
import type { AwsAccount } from "../shared/aws-account";

/**
 * The audience HCP Terraform puts in its workload identity tokens for AWS, unless a workspace
 * sets TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE (HashiCorp, "Dynamic Credentials with the AWS
 * Provider", read 2026-12-01).
 */
export const TERRAFORM_CLOUD_AWS_AUDIENCE = "aws.workload.identity";
/** Run phases HCP Terraform names in a token's `sub`; each gets its own role. */
export const RUN_PHASES = ["plan", "apply"] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

/** Services without regions: their calls are signed for us-east-1 whatever the stack's region. */
export const GLOBAL_SERVICE_ACTIONS = ["iam:*", "route53:*", "sts:*", "organizations:Describe*", "account:Get*"];

/** One workspace's runs and where they may act. */
export interface WorkspaceAccess {
  /** The workspace name, as HCP Terraform puts it in the token's `sub`. */
  readonly workspace: string;
  /** AWS regions its runs may call (besides the global services). */
  readonly regions: string[];
}

export interface TerraformCloudAccessProps {
  readonly account: AwsAccount;
  /** HCP Terraform's hostname, e.g. `app.terraform.io` (the token issuer). */
  readonly hostname: string;
  readonly organization: string;
  /** The project every workspace belongs to (the `sub` names it). */
  readonly project: string;
  /** Prefix of the roles' names, e.g. `genai-demo-production`. */
  readonly namePrefix: string;
  /** The workspaces, by stack id. */
  readonly workspaces: Record<string, WorkspaceAccess>;
  /**
   * Names (prefixes) of the IAM roles and policies the stacks create, which apply runs may manage.
   * @default [namePrefix]
   */
  readonly managedIamNamePrefixes?: string[];
}

/**
 * What the stacks do with their own roles, policies and instance profiles (not `iam:*`: no users,
 * groups, access keys or account settings).
 */
export const STACK_IAM_ACTIONS = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:GetRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:ListRoleTags",
  "iam:PassRole",
  "iam:PutRolePolicy",
  "iam:GetRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:ListRolePolicies",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:ListAttachedRolePolicies",
  "iam:ListInstanceProfilesForRole",
  "iam:CreateInstanceProfile",
  "iam:DeleteInstanceProfile",
  "iam:GetInstanceProfile",
  "iam:AddRoleToInstanceProfile",
  "iam:RemoveRoleFromInstanceProfile",
  "iam:TagInstanceProfile",
  "iam:CreatePolicy",
  "iam:DeletePolicy",
  "iam:GetPolicy",
  "iam:GetPolicyVersion",
  "iam:ListPolicyVersions",
  "iam:CreatePolicyVersion",
  "iam:DeletePolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

/** The two roles of one workspace. */
export interface WorkspaceRoles {
  readonly plan: IamServiceRole;
  readonly apply: IamServiceRole;
}

/**
 * Keyless AWS credentials for HCP Terraform runs (dynamic provider credentials): an IAM OIDC
 * provider for HCP Terraform's token issuer, and per workspace a plan role that can only read and
 * an apply role that can change, each assumable only by a token whose `sub` names exactly this
 * organization, project, workspace and run phase. Both roles are fenced into the workspace's own
 * regions (and the global services) by a Deny, so a regional workspace cannot touch another region.
 */
export class TerraformCloudAccess extends Construct {
  readonly provider: IamOpenidConnectProvider;
  readonly roles: Record<string, WorkspaceRoles> = {};

  constructor(scope: Construct, id: string, props: TerraformCloudAccessProps) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, "oidc-provider", {
      url: `https://${props.hostname}`,
      clientIdList: [TERRAFORM_CLOUD_AWS_AUDIENCE],
      tags: { Name: props.hostname },
    });
    for (const [stackId, access] of Object.entries(props.workspaces)) {
      const role = (phase: RunPhase) =>
        new IamServiceRole(this, `${stackId}-${phase}`, {
          name: `${props.namePrefix}-tfc-${stackId}-${phase}`,
          description: `HCP Terraform ${phase} runs of workspace ${access.workspace}`,
          trust: {
            principal: { type: "Federated", identifiers: [this.provider.arn] },
            actions: ["sts:AssumeRoleWithWebIdentity"],
            conditions: [
              {
                test: "StringEquals",
                variable: `${props.hostname}:aud`,
                values: [TERRAFORM_CLOUD_AWS_AUDIENCE],
              },
              {
                test: "StringEquals",
                variable: `${props.hostname}:sub`,
                values: [runSubject(props.organization, props.project, access.workspace, phase)],
              },
            ],
          },
          managedPolicies:
            phase === "plan"
              ? { "read-only": awsManagedPolicyArn(props.account, "ReadOnlyAccess") }
              : { "power-user": awsManagedPolicyArn(props.account, "PowerUserAccess") },
          statements:
            phase === "plan"
              ? [...planExtras(access), regionFence(access)]
              : [...iamForTheStacks(props), regionFence(access)],
        });
      this.roles[stackId] = { plan: role("plan"), apply: role("apply") };
    }
  }
}

/** The `sub` of a run's token (HashiCorp support, "Updating Workload Identity for Projects"). */
export function runSubject(organization: string, project: string, workspace: string, phase: RunPhase): string {
  return `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;
}

/** Denies every call outside the workspace's regions, but for the services that have none. */
function regionFence(access: WorkspaceAccess): PolicyStatement {
  return {
    sid: "OnlyOwnRegions",
    effect: "Deny",
    actions: [],
    notActions: GLOBAL_SERVICE_ACTIONS,
    resources: ["*"],
    conditions: [{ test: "StringNotEquals", variable: "aws:RequestedRegion", values: access.regions }],
  };
}

/**
 * What a plan needs beyond ReadOnlyAccess: the ephemeral random master password is opened at
 * plan time, and refreshing SecureString parameters decrypts them through SSM.
 */
function planExtras(access: WorkspaceAccess): PolicyStatement[] {
  return [
    {
      sid: "OpenEphemeralPasswords",
      actions: ["secretsmanager:GetRandomPassword"],
      // GetRandomPassword has no resource type.
      resources: ["*"],
    },
    {
      sid: "DecryptParametersThroughSsm",
      actions: ["kms:Decrypt"],
      resources: ["*"],
      conditions: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: access.regions.map((region) => `ssm.${region}.amazonaws.com`),
        },
      ],
    },
  ];
}

/** PowerUserAccess leaves IAM out: apply runs may manage the stacks' own roles and policies only. */
function iamForTheStacks(props: TerraformCloudAccessProps): PolicyStatement[] {
  const { partition, id } = props.account;
  const prefixes = props.managedIamNamePrefixes ?? [props.namePrefix];
  const arns = (kind: string) => prefixes.map((prefix) => `arn:${partition}:iam::${id}:${kind}/${prefix}-*`);
  return [
    {
      sid: "ManageTheStacksRoles",
      actions: STACK_IAM_ACTIONS,
      resources: [...arns("role"), ...arns("policy"), ...arns("instance-profile")],
    },
    {
      sid: "ManageServiceLinkedRoles",
      actions: ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
      resources: [`arn:${partition}:iam::${id}:role/aws-service-role/*`],
    },
  ];
}
