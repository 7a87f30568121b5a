import { EksCluster } from "../../../modules/eks-cluster";
import type { Network } from "../../../modules/network";
import { APP_CONTAINER_PORT } from "../../../modules/shared/constants";
import type { RegionContext } from "./context";

/** The region's EKS cluster: the only place that maps configuration to the module's props. */
export function buildEksCluster(
  { scope, config, region, account, prefix, protection }: RegionContext,
  network: Pick<Network, "vpc" | "subnets">,
): EksCluster {
  const { eks } = region;
  return new EksCluster(scope, "eks", {
    name: prefix,
    region: region.awsRegion,
    account,
    kubernetesVersion: eks.kubernetesVersion,
    vpcId: network.vpc.id,
    vpcCidr: region.vpcCidr,
    subnetIds: network.subnets.private.map((subnet) => subnet.id),
    // The app calls itself through its Service (pod to pod on the container port).
    podToPodPorts: [APP_CONTAINER_PORT],
    publicAccessCidrs: eks.publicAccessCidrs,
    adminPrincipalArns: config.kubernetes.adminPrincipalArns,
    controlPlaneLogRetentionDays: config.kubernetes.controlPlaneLogRetentionDays,
    addonVersions: eks.addonVersions,
    nodeGroups: eks.nodeGroups,
    protection,
  });
}
