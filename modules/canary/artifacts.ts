import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { privateBucket } from "../shared/private-bucket";
import type { Protection } from "../shared/protection";

export interface ArtifactBucketProps {
  /** Bucket name (globally unique, at most 63 characters). */
  readonly bucketName: string;
  /** The customer-managed key every object is encrypted with. */
  readonly kmsKeyArn: string;
  /** Days an artifact is kept (current and noncurrent versions). */
  readonly expiryDays: number;
  /**
   * How the module guards the bucket against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * Where a canary writes screenshots, HAR files and logs of its runs: versioned, encrypted with a
 * customer-managed key, private, reachable only over TLS, and emptied after the configured days.
 */
export class ArtifactBucket extends Construct {
  readonly bucket: S3Bucket;
  /** The bucket with its policy and encryption: the canary waits for these. */
  readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ArtifactBucketProps) {
    super(scope, id);
    const { bucket, ready } = privateBucket(this, { ...props, expiryRuleId: "expire-run-artifacts" });
    this.bucket = bucket;
    this.ready = ready;
  }
}
