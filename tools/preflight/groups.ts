/**
 * The check groups `npm run preflight` runs, in table order. Each is a function
 * `(config, clients) => Promise<Row[]>` in a file of its own; all run in parallel.
 */
import type { EnvironmentConfig } from "../../src/config/schema";
import { auroraOfferings } from "./aurora";
import { cacheOfferings } from "./cache";
import { dmsOfferings } from "./dms";
import { assertedCapabilities } from "./capabilities";
import type { PreflightClients } from "./clients";
import { eksVersions } from "./eks";
import { adoptedHostedZone } from "./hosted-zone";
import { nodeInstanceTypes } from "./instance-types";
import { edgePrefixLists } from "./prefix-lists";
import { regionOptIn } from "./regions";
import type { Row } from "./row";
import { serviceLinkedRoles } from "./service-linked-roles";
import { stateBackend } from "./state";

export type CheckGroup = (config: EnvironmentConfig, clients: PreflightClients) => Promise<Row[]>;

export interface NamedCheckGroup {
  /** Names the group when it fails as a whole (a bug, not an AWS answer). */
  readonly name: string;
  readonly run: CheckGroup;
}

/**
 * Extension point: a new group is a file exporting a {@link CheckGroup}, plus a line here (and
 * its reads in clients.ts / aws-clients.ts).
 */
export const CHECK_GROUPS: readonly NamedCheckGroup[] = [
  { name: "regionOptIn", run: regionOptIn },
  { name: "nodeInstanceTypes", run: nodeInstanceTypes },
  { name: "auroraOfferings", run: auroraOfferings },
  { name: "cacheOfferings", run: cacheOfferings },
  { name: "dmsOfferings", run: dmsOfferings },
  { name: "assertedCapabilities", run: assertedCapabilities },
  { name: "eksVersions", run: eksVersions },
  { name: "stateBackend", run: stateBackend },
  { name: "adoptedHostedZone", run: adoptedHostedZone },
  { name: "serviceLinkedRoles", run: serviceLinkedRoles },
  { name: "edgePrefixLists", run: edgePrefixLists },
];
