import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { privateBucket } from "../shared/private-bucket";
import type { Protection } from "../shared/protection";

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
    const { bucket, ready } = privateBucket(this, {
      bucketName: props.bucketName,
      expiryDays: props.expiryDays,
      expiryRuleId: "expire-access-logs",
      // No kmsKeyArn: ELB log delivery supports only S3-managed keys (SSE-S3) for access logs.
      // The audit trail of requests: never emptied by a destroy, in any environment.
      forceDestroy: false,
      statements: (bucketArn) => [
        {
          sid: "ElasticLoadBalancingWritesAccessLogs",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: [ELB_LOG_DELIVERY_PRINCIPAL] }],
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/${props.prefix}/AWSLogs/${props.account.id}/*`],
        },
      ],
      protection: props.protection,
    });
    this.bucket = bucket;
    this.ready = ready;
  }
}
