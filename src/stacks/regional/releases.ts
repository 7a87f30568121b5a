import { resolve } from "node:path";
import type { Construct } from "constructs";
import { AppRelease } from "../../../modules/app-release";
import { ClusterControllers } from "../../../modules/cluster-controllers";
import { ClusterProviders } from "../../../modules/cluster-providers";
import type { ContainerRepository } from "../../../modules/container-registry";
import type { EksCluster } from "../../../modules/eks-cluster";
import type { Network } from "../../../modules/network";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";
import { appSettingPaths } from "./eks";

/** The app's chart, shipped with the repository. */
export const APP_CHART_DIR = resolve(__dirname, "../../../charts/genai-demo");

/**
 * What runs on the region's cluster: the controllers first (they need nodes, networking and API
 * access), then the app (it needs the load balancer controller's webhook for its
 * TargetGroupBinding, and its Pod Identity role).
 */
export function buildReleases(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  parts: {
    eks: EksCluster;
    network: Pick<Network, "vpc">;
    ingress: Pick<RegionalIngress, "targetGroup">;
    repository: Pick<ContainerRepository, "url">;
  },
): { controllers: ClusterControllers; app?: AppRelease } {
  const { eks, network, ingress, repository } = parts;
  const { kubernetes, app } = config;
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
  if (!app.deploy) return { controllers };
  const appRelease = new AppRelease(scope, "app", {
    chartPath: APP_CHART_DIR,
    serviceAccount: eks.roles.app.serviceAccount,
    image: { repository: repository.url, ...app.image },
    springProfile: app.springProfile,
    region: region.awsRegion,
    settings: appSettingPaths(config),
    replicas: app.replicas,
    resources: app.resources,
    targetGroupArn: ingress.targetGroup.arn,
    deregistrationDelaySeconds: config.ingress.deregistrationDelaySeconds,
    vpcCidr: region.vpcCidr,
    timeoutSeconds: kubernetes.releaseTimeoutSeconds,
    helmProvider: providers.helm,
    kubernetesProvider: providers.kubernetes,
    clusterReady: eks.readyForWorkloads,
    releaseDependsOn: [...eks.roles.app.ready, controllers.loadBalancerController],
  });
  return { controllers, app: appRelease };
}
