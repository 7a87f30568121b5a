import type { Construct } from "constructs";
import { AlertTopics } from "../../../modules/alert-topics";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { EnvironmentConfig } from "../../config/schema";

/**
 * The region's own alert topics: CloudWatch alarms notify only topics in their region, so each
 * region pages and warns through its own, even while `global`'s region is unreachable.
 */
export function buildRegionalAlerts(
  scope: Construct,
  config: EnvironmentConfig,
  names: { prefix: string; account: AwsAccount },
): { critical: string; warning: string } {
  const alerts = new AlertTopics(scope, "alerts", {
    name: names.prefix,
    account: names.account,
    emails: { critical: config.alerts.criticalEmails, warning: config.alerts.warningEmails },
    preventDestroy: config.production,
    // AWS Backup reports failed jobs through EventBridge, not a metric (modules/backup-plan).
    allowEventBridge: true,
  });
  return { critical: alerts.topics.critical!.arn, warning: alerts.topics.warning!.arn };
}
