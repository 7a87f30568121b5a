import type { EnvironmentConfig } from "./config/schema";

/** Tag keys every taggable AWS resource must carry (via provider `default_tags`). */
export const REQUIRED_TAG_KEYS = ["Environment", "Project", "Owner", "CostCenter", "ManagedBy"] as const;
export type RequiredTags = Record<(typeof REQUIRED_TAG_KEYS)[number], string>;

/** Value of the `ManagedBy` tag, telling console users not to edit the resource by hand. */
export const MANAGED_BY = "cdktf";

export function requiredTags(config: EnvironmentConfig): RequiredTags {
  return {
    Environment: config.name,
    Project: config.project,
    Owner: config.owner,
    CostCenter: config.costCenter,
    ManagedBy: MANAGED_BY,
  };
}
