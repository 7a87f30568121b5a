import { GLOBAL_STACK_ID, type EnvironmentConfig } from "../config/schema";
import { readsPrimaryState } from "./regional/data";

/** One stack reading another's outputs through `terraform_remote_state`. */
export interface StateRead {
  readonly reader: string;
  readonly source: string;
}

/**
 * Which stack reads which other stack's state: every region reads `global` (zone and health
 * checks), and secondaries read the primary where they join its global datastore. The regional
 * stacks' remote-state blocks and HCP Terraform's state sharing both follow this list.
 */
export function stateReads(config: EnvironmentConfig): StateRead[] {
  const primary = config.regions.find((region) => region.role === "primary")!;
  return config.regions.flatMap((region) => [
    { reader: region.key, source: GLOBAL_STACK_ID },
    ...(region.key !== primary.key && readsPrimaryState(config) ? [{ reader: region.key, source: primary.key }] : []),
  ]);
}
