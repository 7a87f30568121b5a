import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA as S3BucketVersioning } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { type Protection, protectionSettings } from "../shared/protection";

/**
 * Who writes ALB access logs. AWS recommends this service principal in every region; the older
 * per-region ELB accounts do not exist in regions opened after August 2022 (ap-east-2 among them).
 */
export const ELB_LOG_DELIVERY_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

export interface AccessLogBucketProps {
  /** Bucket name (globally unique, at most 63 characters). */
  readonly bucketName: string;
  readonly account: AwsAccount;
  /** Key prefix the load balancer writes under. */
  readonly prefix: string;
  /** Days a log object is kept (current and noncurrent versions). */
  readonly expiryDays: number;
  /**
   * How the module guards the bucket (the audit trail of requests) against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * Where the ALB writes its access logs: versioned, encrypted, private (public access blocked,
 * ACLs disabled), reachable only over TLS, writable only by Elastic Load Balancing for this
 * account's prefix, and emptied by a lifecycle rule after the configured days.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;
  /** The bucket with its policy: a load balancer must wait for these before logging here. */
  readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: guard.preventDestroy },
      tags: { Name: props.bucketName },
    });
    const bucket = this.bucket.id;
    new S3BucketVersioning(this, "versioning", { bucket, versioningConfiguration: { status: "Enabled" } });
    // ELB log delivery supports only S3-managed keys (SSE-S3) for access logs.
    new S3BucketServerSideEncryptionConfiguration(this, "encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketLifecycleConfiguration(this, "expiry", {
      bucket,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: props.expiryDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.expiryDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });

    const objects = `${this.bucket.arn}/${props.prefix}/AWSLogs/${props.account.id}/*`;
    const policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      statement: [
        {
          sid: "ElasticLoadBalancingWritesAccessLogs",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: [ELB_LOG_DELIVERY_PRINCIPAL] }],
          actions: ["s3:PutObject"],
          resources: [objects],
        },
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    const bucketPolicy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: policy.json,
      dependsOn: [publicAccess],
    });
    this.ready = [this.bucket, bucketPolicy];
  }
}
