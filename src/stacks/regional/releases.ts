import { ClusterControllers } from "../../../modules/cluster-controllers";
import { ClusterProviders } from "../../../modules/cluster-providers";
import type { EksCluster } from "../../../modules/eks-cluster";
import type { Network } from "../../../modules/network";
import type { RegionContext } from "./context";

/** The Helm and Kubernetes providers of the region's cluster, and the controllers every workload needs. */
export interface ClusterReleases {
  readonly providers: ClusterProviders;
  readonly controllers: ClusterControllers;
}

/**
 * What runs on the region's cluster before any workload: the providers that reach its API, and
 * the controllers (they need nodes, networking and API access). Workloads, the app first, wait
 * for the load balancer controller's webhook.
 */
export function buildClusterReleases(
  { scope, config, region }: RegionContext,
  eks: EksCluster,
  network: Pick<Network, "vpc">,
): ClusterReleases {
  const { kubernetes } = config;
  const providers = new ClusterProviders(scope, "cluster-providers", {
    clusterName: eks.name,
    region: region.awsRegion,
    endpoint: eks.endpoint,
    certificateAuthorityData: eks.certificateAuthorityData,
    authentication: kubernetes.providerAuthentication,
    tokenAfter: eks.readyForWorkloads,
  });
  const controllers = new ClusterControllers(scope, "controllers", {
    clusterName: eks.name,
    region: region.awsRegion,
    vpcId: network.vpc.id,
    charts: region.eks.charts,
    serviceAccounts: {
      loadBalancerController: eks.roles.loadBalancerController.serviceAccount,
      clusterAutoscaler: eks.roles.clusterAutoscaler.serviceAccount,
    },
    helmProvider: providers.helm,
    timeoutSeconds: kubernetes.releaseTimeoutSeconds,
    dependsOn: [
      ...eks.readyForWorkloads,
      ...eks.roles.loadBalancerController.ready,
      ...eks.roles.clusterAutoscaler.ready,
    ],
  });
  return { providers, controllers };
}
