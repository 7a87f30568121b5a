import type { EnvironmentConfig } from "./config/schema";

/** Tag keys every taggable AWS resource must carry (via provider `default_tags`). */
export const REQUIRED_TAG_KEYS = ["Environment", "Project", "Owner", "CostCenter", "ManagedBy"] as const;
export type RequiredTags = Record<(typeof REQUIRED_TAG_KEYS)[number], string>;

/** The tag that tells environments apart in billing: the cost guards budget and watch by it. */
export const ENVIRONMENT_TAG = "Environment" satisfies (typeof REQUIRED_TAG_KEYS)[number];

/** Value of the `ManagedBy` tag, telling console users not to edit the resource by hand. */
export const MANAGED_BY = "cdktf";

export function requiredTags(config: EnvironmentConfig): RequiredTags {
  return {
    [ENVIRONMENT_TAG]: config.name,
    Project: config.project,
    Owner: config.owner,
    CostCenter: config.costCenter,
    ManagedBy: MANAGED_BY,
  };
}
