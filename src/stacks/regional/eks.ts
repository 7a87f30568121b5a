import type { Construct } from "constructs";
import { EksCluster } from "../../../modules/eks-cluster";
import type { Network } from "../../../modules/network";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import { APP_CONTAINER_PORT } from "../../../modules/shared/constants";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";

/** CloudWatch namespace of the app's own metrics. */
export const APP_METRIC_NAMESPACE = "GenAIDemo";

/** Where the app's settings live: SSM parameters under a path, secrets under a name prefix. */
export function appSettingPaths(config: Pick<EnvironmentConfig, "project" | "name">): {
  parameterPath: string;
  secretsPrefix: string;
} {
  return { parameterPath: `/${config.project}/${config.name}/`, secretsPrefix: `${config.project}/${config.name}/` };
}

/**
 * The region's EKS cluster: the only place that maps configuration to the module's props.
 * The app may read `/<project>/<env>/…` parameters and `<project>/<env>/…` secrets and write
 * logs under `/aws/<project>/`.
 */
export function buildEksCluster(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  names: { prefix: string; account: AwsAccount },
  network: Pick<Network, "vpc" | "subnets">,
): EksCluster {
  const { eks } = region;
  return new EksCluster(scope, "eks", {
    name: names.prefix,
    region: region.awsRegion,
    account: names.account,
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
    appPermissions: {
      metricNamespace: APP_METRIC_NAMESPACE,
      logGroupPrefix: `/aws/${config.project}/`,
      parameterPathPrefix: appSettingPaths(config).parameterPath,
      secretNamePrefix: appSettingPaths(config).secretsPrefix,
    },
    deletionProtection: config.production,
    preventDestroy: config.production,
  });
}
