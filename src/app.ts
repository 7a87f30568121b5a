import type { App } from "cdktf";
import { GLOBAL_STACK_ID, type EnvironmentConfig } from "./config/schema";
import { GlobalStack } from "./stacks/global-stack";
import { readsPrimaryState } from "./stacks/regional/data";
import { RegionalStack } from "./stacks/regional-stack";
import { ReplicationStack } from "./stacks/replication-stack";
import { replicationLinks } from "./replication-links";
import { TerraformCloudStack } from "./stacks/terraform-cloud-stack";

export interface Platform {
  readonly global: GlobalStack;
  readonly regions: RegionalStack[];
  /** With `dms-cdc` replication: one link stack per secondary (`replication-<key>`). */
  readonly replication: ReplicationStack[];
  /** Only with the cloud state backend: the HCP Terraform workspaces and their AWS access. */
  readonly terraformCloud?: TerraformCloudStack;
}

/**
 * Adds the environment's stacks to `app`: `global` plus one stack per configured region, with
 * the region key as stack id. Stacks share nothing at synth time, so `cdktf deploy taipei tokyo`
 * runs without `global` in the list. Where a secondary reads the primary's outputs (to join a
 * global datastore), it declares the primary as a dependency, so `cdktf deploy taipei tokyo`
 * runs the primary first; `cdktf deploy tokyo --ignore-missing-stack-dependencies` deploys it
 * alone while the primary's region is down (docs/failover.md). With `dms-cdc`, each secondary's
 * replication link is a stack of its own that depends on both regional stacks, so
 * `cdktf deploy taipei tokyo replication-tokyo` runs it last, and `tokyo` never needs Taipei.
 */
export function buildPlatform(app: App, config: EnvironmentConfig): Platform {
  const global = new GlobalStack(app, GLOBAL_STACK_ID, config);
  const regions = config.regions.map((region) => new RegionalStack(app, config, region));
  const primary = regions.find((stack) => stack.region.role === "primary")!;
  if (readsPrimaryState(config)) {
    for (const stack of regions) if (stack !== primary) stack.addDependency(primary);
  }
  const replication = replicationLinks(config).map((link) => {
    const stack = new ReplicationStack(app, config, link);
    for (const region of regions) {
      if (region.region.key === link.source.key || region.region.key === link.target.key) stack.addDependency(region);
    }
    return stack;
  });
  const { state } = config;
  const terraformCloud = state.backend === "cloud" ? new TerraformCloudStack(app, config, state) : undefined;
  return { global, regions, replication, ...(terraformCloud === undefined ? {} : { terraformCloud }) };
}
