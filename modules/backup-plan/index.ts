import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { Construct } from "constructs";
import { IamServiceRole, awsManagedPolicyArn } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { type Protection, protectionSettings } from "../shared/protection";

/** Backup jobs must start within an hour of their schedule and finish within three. */
export const BACKUP_WINDOWS_MINUTES = { start: 60, completion: 180 } as const;
/** Job states AWS Backup reports in EventBridge that mean a recovery point is missing. */
export const FAILED_JOB_STATES = ["FAILED", "ABORTED", "EXPIRED"] as const;

/** The vault a region's plan writes to: the same name in every region, so others can copy to it. */
export function backupVaultArn(account: AwsAccount, region: string, vaultName: string): string {
  return `arn:${account.partition}:backup:${region}:${account.id}:backup-vault:${vaultName}`;
}

/** Every `hours` hours on the hour (UTC); 24 means once a day at midnight UTC. */
export function backupSchedule(hours: number): string {
  return hours === 24 ? "cron(0 0 * * ? *)" : `cron(0 0/${hours} * * ? *)`;
}

export interface RegionalBackupProps {
  /** Name of the vault, plan, role and key alias, e.g. `genai-demo-production-taipei`. */
  readonly name: string;
  readonly account: AwsAccount;
  /**
   * ARNs of the resources to back up (selection by resource, not by tag). With none, the region
   * only receives copies: a vault and no plan.
   */
  readonly resourceArns: string[];
  /** Hours between recovery points (a divisor of 24). */
  readonly frequencyHours: number;
  /** Days each recovery point, and each copy, is kept. */
  readonly retentionDays: number;
  /**
   * Vault ARNs in other regions that receive a copy of every recovery point.
   * @default []
   */
  readonly copyToVaultArns?: readonly string[];
  /** SNS topic told of every failed, aborted or expired backup or copy job. */
  readonly failureTopicArn: string;
  /**
   * How the module guards the vault (locked, never force-emptied) and its key against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * A region's AWS Backup: a vault under its own rotating key, a plan that takes a recovery point
 * every `frequencyHours` and copies it to the other regions' vaults, the selection of the data
 * stores, Vault Lock when protected, and an EventBridge rule that reports failed jobs.
 */
export class RegionalBackup extends Construct {
  readonly vault: BackupVault;
  /** None where the region only receives copies. */
  readonly plan?: BackupPlan;

  constructor(scope: Construct, id: string, props: RegionalBackupProps) {
    super(scope, id);
    const { account, name } = props;
    const guard = protectionSettings(props.protection);
    const key = new EncryptionKey(this, "key", {
      alias: `${name}-backup`,
      description: `Encrypts the recovery points in backup vault ${name}`,
      account,
      protection: props.protection,
    });
    this.vault = new BackupVault(this, "vault", {
      name,
      kmsKeyArn: key.arn,
      forceDestroy: guard.forceDestroy,
      lifecycle: { preventDestroy: guard.preventDestroy },
    });
    if (guard.lockVaults) {
      // Governance mode (no changeable_for_days): a user with backup:DeleteBackupVaultLockConfiguration
      // can still lift it; compliance mode could never be undone, not even by AWS.
      new BackupVaultLockConfiguration(this, "lock", {
        backupVaultName: this.vault.name,
        minRetentionDays: props.retentionDays,
        maxRetentionDays: props.retentionDays,
      });
    }
    this.reportFailedJobs(name, props.failureTopicArn);
    if (props.resourceArns.length === 0) return;

    const lifecycle = { deleteAfter: props.retentionDays };
    this.plan = new BackupPlan(this, "plan", {
      name,
      rule: [
        {
          ruleName: "recovery-points",
          targetVaultName: this.vault.name,
          schedule: backupSchedule(props.frequencyHours),
          startWindow: BACKUP_WINDOWS_MINUTES.start,
          completionWindow: BACKUP_WINDOWS_MINUTES.completion,
          lifecycle,
          copyAction: (props.copyToVaultArns ?? []).map((destinationVaultArn) => ({ destinationVaultArn, lifecycle })),
        },
      ],
    });
    const role = new IamServiceRole(this, "role", {
      name: `${name}-backup`,
      description: `AWS Backup of ${name}: take, copy and restore recovery points`,
      trust: {
        principal: { type: "Service", identifiers: ["backup.amazonaws.com"] },
        actions: ["sts:AssumeRole"],
        conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account.id] }],
      },
      managedPolicies: {
        backup: awsManagedPolicyArn(account, "service-role/AWSBackupServiceRolePolicyForBackup"),
        restores: awsManagedPolicyArn(account, "service-role/AWSBackupServiceRolePolicyForRestores"),
      },
    });
    new BackupSelection(this, "selection", {
      name: `${name}-data`,
      planId: this.plan.id,
      iamRoleArn: role.arn,
      resources: props.resourceArns,
      dependsOn: role.withPolicies,
    });
  }

  private reportFailedJobs(name: string, topicArn: string): void {
    const failures = new CloudwatchEventRule(this, "failed-jobs", {
      name: `${name}-backup-failed`,
      description: `Failed, aborted or expired backup and copy jobs of ${name}`,
      eventPattern: JSON.stringify({
        source: ["aws.backup"],
        "detail-type": ["Backup Job State Change", "Copy Job State Change"],
        detail: { state: [...FAILED_JOB_STATES] },
      }),
    });
    new CloudwatchEventTarget(this, "failed-jobs-topic", {
      rule: failures.name,
      arn: topicArn,
    });
  }
}
