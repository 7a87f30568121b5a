import { RdsGlobalCluster } from "@cdktf/provider-aws/lib/rds-global-cluster";
import { Construct } from "constructs";
import { AURORA_ENGINE } from "./constants";
import { type Protection, protectionSettings } from "../shared/protection";

export interface AuroraGlobalClusterProps {
  /** Global cluster identifier; the regional clusters join it by this name. */
  readonly identifier: string;
  /** Aurora PostgreSQL `major.minor`; upgrades of every member go through here. */
  readonly engineVersion: string;
  readonly databaseName: string;
  /**
   * How the module guards the global cluster (RDS deletion protection and prevent_destroy) against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The Aurora PostgreSQL global database: storage encrypted in every member (each region with
 * its own key), one writer region, up to five read-only ones.
 */
export class AuroraGlobalCluster extends Construct {
  readonly globalCluster: RdsGlobalCluster;

  constructor(scope: Construct, id: string, props: AuroraGlobalClusterProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    this.globalCluster = new RdsGlobalCluster(this, "global-cluster", {
      globalClusterIdentifier: props.identifier,
      engine: AURORA_ENGINE,
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      storageEncrypted: true,
      deletionProtection: guard.deletionProtection,
      lifecycle: { preventDestroy: guard.preventDestroy },
    });
  }

  get identifier(): string {
    return this.globalCluster.globalClusterIdentifier;
  }
}
