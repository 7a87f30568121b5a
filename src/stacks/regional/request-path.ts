import type { EksCluster } from "../../../modules/eks-cluster";
import type { Network } from "../../../modules/network";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { tcp } from "../../../modules/shared/connections";
import { APP_CONTAINER_PORT, PORTS } from "../../../modules/shared/constants";

/**
 * Opens the request path between the modules: ALB -> app pods on the container port, app pods
 * -> Aurora and Redis. Pods share their node's security group (docs/decisions.md), so the
 * cluster's node group is the app's side of each flow.
 */
export function connectRequestPath(ingress: RegionalIngress, cluster: EksCluster, network: Network): void {
  const { data } = network.securityGroups;
  cluster.allowFrom(ingress.securityGroup, tcp(APP_CONTAINER_PORT), "App requests from the ALB");
  data.allowFrom(cluster.nodeSecurityGroup, tcp(PORTS.postgres), "PostgreSQL from app pods");
  data.allowFrom(cluster.nodeSecurityGroup, tcp(PORTS.redis), "Redis from app pods");
}
