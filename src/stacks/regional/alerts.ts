import { AlertTopics } from "../../../modules/alert-topics";
import type { RegionContext } from "./context";

/** The region's alert topics by severity, as ARNs. */
export interface RegionalAlerts {
  readonly critical: string;
  readonly warning: string;
}

/**
 * The region's own alert topics: CloudWatch alarms notify only topics in their region, so each
 * region pages and warns through its own, even while `global`'s region is unreachable.
 */
export function buildRegionalAlerts({ scope, config, account, prefix, protection }: RegionContext): RegionalAlerts {
  const alerts = new AlertTopics(scope, "alerts", {
    name: prefix,
    account,
    emails: { critical: config.alerts.criticalEmails, warning: config.alerts.warningEmails },
    protection,
    // AWS Backup reports failed jobs through EventBridge, not a metric (modules/backup-plan).
    allowEventBridge: true,
  });
  return { critical: alerts.topics.critical!.arn, warning: alerts.topics.warning!.arn };
}
