import type { App } from "cdktf";
import { GLOBAL_STACK_ID, type EnvironmentConfig } from "./config/schema";
import { GlobalStack } from "./stacks/global-stack";
import { RegionalStack } from "./stacks/regional-stack";

export interface Platform {
  readonly global: GlobalStack;
  readonly regions: RegionalStack[];
}

/**
 * Adds the environment's stacks to `app`: `global` plus one stack per configured region, with
 * the region key as stack id. Stacks share nothing at synth time, so cdktf records no
 * dependency between them and `cdktf deploy taipei tokyo` runs without `global` in the list.
 */
export function buildPlatform(app: App, config: EnvironmentConfig): Platform {
  return {
    global: new GlobalStack(app, GLOBAL_STACK_ID, config),
    regions: config.regions.map((region) => new RegionalStack(app, config, region)),
  };
}
