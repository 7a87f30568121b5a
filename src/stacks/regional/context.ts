import type { Construct } from "constructs";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { Protection } from "../../../modules/shared/protection";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";

/** What every builder of a regional stack works from: one argument instead of five. */
export interface RegionContext {
  /** The regional stack: every builder adds its constructs here. */
  readonly scope: Construct;
  readonly config: EnvironmentConfig;
  readonly region: RegionConfig;
  readonly account: AwsAccount;
  /** `<project>-<environment>-<region>` (src/resource-names.ts). */
  readonly prefix: string;
  /** How every module guards its stateful resources, from `config.production`. */
  readonly protection: Protection;
}

/** The regions other than the context's own, in config order. */
export function otherRegions(context: Pick<RegionContext, "config" | "region">): RegionConfig[] {
  return context.config.regions.filter((other) => other.key !== context.region.key);
}
