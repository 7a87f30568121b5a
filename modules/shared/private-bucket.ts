import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA as S3BucketVersioning } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { type Protection, protectionSettings } from "./protection";

export interface PrivateBucketProps {
  /** Bucket name (globally unique, at most 63 characters). */
  readonly bucketName: string;
  /** Days an object is kept (current and noncurrent versions). */
  readonly expiryDays: number;
  /** Id of the lifecycle rule, saying what expires, e.g. `expire-access-logs`. */
  readonly expiryRuleId: string;
  /**
   * A customer-managed key for every object; without one, S3-managed keys (SSE-S3), which is
   * all some writers (ALB access logs) support.
   * @default undefined (SSE-S3)
   */
  readonly kmsKeyArn?: string;
  /**
   * Bucket-policy statements besides the TLS-only deny, e.g. a log-delivery service's write.
   * @default []
   */
  readonly statements?: (bucketArn: string) => DataAwsIamPolicyDocumentStatement[];
  /**
   * How the bucket is guarded against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
  /**
   * Whether `terraform destroy` may delete a bucket that still holds objects.
   * @default the protection's choice (only disposable environments)
   */
  readonly forceDestroy?: boolean;
}

export interface PrivateBucket {
  readonly bucket: S3Bucket;
  /** The bucket with its policy and encryption: writers wait for these. */
  readonly ready: ITerraformDependable[];
}

/**
 * A bucket in `scope` (its parts keep the ids `bucket`, `versioning`, `encryption`, ...):
 * versioned, encrypted, private (public access blocked, ACLs disabled), reachable only over TLS,
 * and emptied by a lifecycle rule after the given days.
 */
export function privateBucket(scope: Construct, props: PrivateBucketProps): PrivateBucket {
  const guard = protectionSettings(props.protection);
  const bucket = new S3Bucket(scope, "bucket", {
    bucket: props.bucketName,
    forceDestroy: props.forceDestroy ?? guard.forceDestroy,
    lifecycle: { preventDestroy: guard.preventDestroy },
    tags: { Name: props.bucketName },
  });
  const id = bucket.id;
  new S3BucketVersioning(scope, "versioning", { bucket: id, versioningConfiguration: { status: "Enabled" } });
  const encryption = new S3BucketServerSideEncryptionConfiguration(scope, "encryption", {
    bucket: id,
    rule: [
      props.kmsKeyArn === undefined
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
        : {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
            bucketKeyEnabled: true,
          },
    ],
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, "public-access", {
    bucket: id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, "ownership", { bucket: id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new S3BucketLifecycleConfiguration(scope, "expiry", {
    bucket: id,
    rule: [
      {
        id: props.expiryRuleId,
        status: "Enabled",
        filter: [{ prefix: "" }],
        expiration: [{ days: props.expiryDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: props.expiryDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
      },
    ],
  });
  const policy = new DataAwsIamPolicyDocument(scope, "policy-document", {
    statement: [
      ...(props.statements?.(bucket.arn) ?? []),
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [bucket.arn, `${bucket.arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  });
  const bucketPolicy = new S3BucketPolicy(scope, "policy", {
    bucket: id,
    policy: policy.json,
    dependsOn: [publicAccess],
  });
  return { bucket, ready: [bucket, bucketPolicy, encryption] };
}
