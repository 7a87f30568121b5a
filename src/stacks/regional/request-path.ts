import type { AuroraCluster } from "../../../modules/aurora";
import type { EksCluster } from "../../../modules/eks-cluster";
import type { CacheReplicationGroup } from "../../../modules/redis";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { tcp } from "../../../modules/shared/connections";
import { APP_CONTAINER_PORT } from "../../../modules/shared/constants";

/** The app's PostgreSQL user (created in the database with `GRANT rds_iam`; see docs/data.md). */
export const APP_DATABASE_USER = "genai_demo_app";

/**
 * Opens the request path between the modules: ALB -> app pods on the container port, app pods
 * -> Aurora and the cache, and lets the app's role authenticate to both. Pods share their node's security group (docs/decisions.md), so the
 * cluster's node group is the app's side of each flow.
 */
export function connectRequestPath(
  ingress: RegionalIngress,
  cluster: EksCluster,
  data: { database?: AuroraCluster; cache: CacheReplicationGroup },
): void {
  cluster.allowFrom(ingress.securityGroup, tcp(APP_CONTAINER_PORT), "App requests from the ALB");
  data.database?.allowFrom(cluster.nodeSecurityGroup, "PostgreSQL from app pods");
  data.cache.allowFrom(cluster.nodeSecurityGroup, "Cache from app pods");
  // The app authenticates to both with its Pod Identity role: IAM tokens, no passwords.
  const appRole = cluster.roles.app.role.role.name;
  data.database?.grantConnect(appRole, APP_DATABASE_USER);
  data.cache.grantConnect(appRole);
}
