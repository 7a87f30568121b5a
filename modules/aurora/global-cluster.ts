import { RdsGlobalCluster } from "@cdktf/provider-aws/lib/rds-global-cluster";
import { Construct } from "constructs";
import { AURORA_ENGINE } from "./constants";

export interface AuroraGlobalClusterProps {
  /** Global cluster identifier; the regional clusters join it by this name. */
  readonly identifier: string;
  /** Aurora PostgreSQL `major.minor`; upgrades of every member go through here. */
  readonly engineVersion: string;
  readonly databaseName: string;
  /**
   * Refuse deletion through the RDS API and `terraform destroy`.
   * @default true
   */
  readonly protect?: boolean;
}

/**
 * The Aurora PostgreSQL global database: storage encrypted in every member (each region with
 * its own key), one writer region, up to five read-only ones.
 */
export class AuroraGlobalCluster extends Construct {
  readonly globalCluster: RdsGlobalCluster;

  constructor(scope: Construct, id: string, props: AuroraGlobalClusterProps) {
    super(scope, id);
    const protect = props.protect ?? true;
    this.globalCluster = new RdsGlobalCluster(this, "global-cluster", {
      globalClusterIdentifier: props.identifier,
      engine: AURORA_ENGINE,
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      storageEncrypted: true,
      deletionProtection: protect,
      lifecycle: { preventDestroy: protect },
    });
  }

  get identifier(): string {
    return this.globalCluster.globalClusterIdentifier;
  }
}
