import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrReplicationConfiguration } from "@cdktf/provider-aws/lib/ecr-replication-configuration";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Construct } from "constructs";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { type Protection, protectionSettings } from "../shared/protection";

export interface ContainerRepositoryProps {
  /** Repository name, the same in every region so replication lands in it. */
  readonly name: string;
  readonly account: AwsAccount;
  /** Images kept, newest first; older ones expire. */
  readonly maxImageCount: number;
  /** Days an untagged image is kept. */
  readonly untaggedExpiryDays: number;
  /**
   * How the module guards the repository, its images and its key against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The ECR lifecycle policy: untagged images go first (they are never deployed), then everything
 * beyond the newest `maxImageCount`.
 */
export function lifecyclePolicy(maxImageCount: number, untaggedExpiryDays: number): Record<string, unknown> {
  return {
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${untaggedExpiryDays} days`,
        selection: {
          tagStatus: "untagged",
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: untaggedExpiryDays,
        },
        action: { type: "expire" },
      },
      {
        rulePriority: 2,
        description: `Keep the newest ${maxImageCount} images`,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: maxImageCount },
        action: { type: "expire" },
      },
    ],
  };
}

/**
 * A private image repository: immutable tags (a tag always means the same image), scanned on
 * push, encrypted with its own KMS key, and pruned by a lifecycle policy. Each region has one of
 * the same name; the primary's replicates into the others ({@link replicateTo}).
 */
export class ContainerRepository extends Construct {
  readonly repository: EcrRepository;
  readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: ContainerRepositoryProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    this.key = new EncryptionKey(this, "key", {
      alias: `ecr-${props.name}`,
      description: `Encrypts images of ECR repository ${props.name}`,
      account: props.account,
      protection: props.protection,
    });
    this.repository = new EcrRepository(this, "repository", {
      name: props.name,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: this.key.arn }],
      forceDelete: guard.forceDestroy,
      lifecycle: { preventDestroy: guard.preventDestroy },
    });
    new EcrLifecyclePolicy(this, "lifecycle", {
      repository: this.repository.name,
      policy: JSON.stringify(lifecyclePolicy(props.maxImageCount, props.untaggedExpiryDays)),
    });
  }

  /** `<registry>/<name>`, what a pod's image reference starts with. */
  get url(): string {
    return this.repository.repositoryUrl;
  }

  /**
   * Replicates every push into the repositories of the same name in `regions` of this account.
   * Replication is a setting of the whole registry (one per account and region), so only one
   * stack per account may call this: the primary region's.
   */
  replicateTo(regions: readonly string[], account: AwsAccount): EcrReplicationConfiguration {
    return new EcrReplicationConfiguration(this, "replication", {
      replicationConfiguration: {
        rule: [
          {
            destination: regions.map((region) => ({ region, registryId: account.id })),
            repositoryFilter: [{ filter: this.repository.name, filterType: "PREFIX_MATCH" }],
          },
        ],
      },
    });
  }
}
