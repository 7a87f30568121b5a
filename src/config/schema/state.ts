import { z } from "zod";
import { awsRegion, domainName, issueReporter, resourceNamePart } from "./common";

const S3_BUCKET_NAME = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const s3StateSchema = z.strictObject({
  backend: z.literal("s3"),
  bucket: z.string().regex(S3_BUCKET_NAME, "must be a valid S3 bucket name"),
  region: awsRegion,
  /** Prefix before `<project>/<env>/<stack>.tfstate`; empty for none. */
  keyPrefix: z.string().regex(/^([a-zA-Z0-9._-]+\/)*$/, 'must be empty or end with "/"'),
  /** Optional DynamoDB table for locking alongside the S3 lockfile (legacy pipelines). */
  dynamodbTable: z.string().min(3).max(255).optional(),
  /** Optional KMS key (ARN or alias) the state objects are encrypted with. */
  kmsKeyId: z.string().min(1).optional(),
});

/** HCP Terraform organization and workspace names: letters, digits, dashes and underscores. */
const TERRAFORM_CLOUD_NAME = /^[A-Za-z0-9_-]+$/;
/**
 * Project names: 3 to 40 letters, digits, dashes, underscores and inner spaces (the tfe
 * provider's own check; Terraform Enterprise before v202409 allows 36).
 */
const PROJECT_NAME = /^[\w-][\w -]{1,38}[\w-]$/;
/** Agent pool ids as HCP Terraform shows them, e.g. `apool-yoGvRSsmDUJ9YMZH`. */
const AGENT_POOL_ID = /^apool-[A-Za-z0-9]+$/;

const cloudStateSchema = z
  .strictObject({
    backend: z.literal("cloud"),
    organization: z.string().regex(TERRAFORM_CLOUD_NAME, "must be letters, digits, dashes and underscores"),
    /** Terraform Cloud project the workspaces belong to; the terraform-cloud stack creates it. */
    project: z
      .string()
      .regex(PROJECT_NAME, "must be 3 to 40 letters, digits, dashes, underscores and inner spaces")
      .optional(),
    /** @default "app.terraform.io" */
    hostname: domainName.optional(),
    /**
     * Workspace name prefix; the workspace is `<prefix>-<stack>`. HCP Terraform takes letters,
     * digits, dashes and underscores up to 90 characters; a resource name part (at most 32) plus
     * the longest stack id stays well inside that.
     */
    workspacePrefix: resourceNamePart,
    /**
     * Where runs execute: on HCP Terraform's workers (`remote`) or on the organization's own
     * agents (`agent`, which needs `agentPoolId`).
     * @default "remote"
     */
    executionMode: z.enum(["remote", "agent"]).default("remote"),
    /** The agent pool that runs every workspace; only with `executionMode: "agent"`. */
    agentPoolId: z
      .string()
      .regex(AGENT_POOL_ID, 'must be an agent pool id such as "apool-yoGvRSsmDUJ9YMZH"')
      .optional(),
    /**
     * Health assessments (drift detection) on every workspace; HCP Terraform offers them only on
     * its paid tiers, so turn them on where the organization's plan has them.
     * @default false
     */
    healthAssessments: z.boolean().default(false),
  })
  .superRefine((state, ctx) => {
    const issue = issueReporter(ctx);
    if (state.executionMode === "agent" && state.agentPoolId === undefined) {
      issue(["agentPoolId"], 'is required with executionMode "agent" (the pool whose agents run the workspaces)');
    }
    if (state.executionMode !== "agent" && state.agentPoolId !== undefined) {
      issue(["agentPoolId"], `is used only with executionMode "agent" (executionMode is "${state.executionMode}")`);
    }
  });

/** Where every stack keeps its Terraform state. */
export const stateSchema = z.discriminatedUnion("backend", [s3StateSchema, cloudStateSchema]);

/** Id of the stack that creates the Terraform Cloud side (only with the cloud backend). */
export const TERRAFORM_CLOUD_STACK_ID = "terraform-cloud";
