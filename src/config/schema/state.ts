import { z } from "zod";
import { awsRegion, domainName, nonEmpty, resourceNamePart } from "./common";

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

const cloudStateSchema = z.strictObject({
  backend: z.literal("cloud"),
  organization: nonEmpty,
  /** Terraform Cloud project the workspaces belong to. */
  project: nonEmpty.optional(),
  hostname: domainName.optional(),
  /** Workspace name prefix; the workspace is `<prefix>-<stack>`. */
  workspacePrefix: resourceNamePart,
});

/** Where every stack keeps its Terraform state. */
export const stateSchema = z.discriminatedUnion("backend", [s3StateSchema, cloudStateSchema]);
