import type { ContainerRepository } from "../../../modules/container-registry";
import type { IWorkloadCluster } from "../../../modules/eks-cluster";
import { type AppTelemetry, GenAiDemoApp } from "../../../modules/genai-demo-app";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { appLogGroupPrefix, appSettingPaths } from "../../resource-names";
import type { RegionContext } from "./context";
import type { DataTier } from "./data";
import type { ClusterReleases } from "./releases";

/** CloudWatch namespace of the app's own metrics. */
export const APP_METRIC_NAMESPACE = "GenAIDemo";

/**
 * The GenAI Demo app in this region: its role, grants and network path always; its Helm release
 * when `app.deploy` is on. It may read `/<project>/<env>/…` parameters and `<project>/<env>/…`
 * secrets and write logs under `/aws/<project>/`.
 */
export function buildApp(
  { scope, config, region, account }: RegionContext,
  parts: {
    cluster: IWorkloadCluster;
    ingress: Pick<RegionalIngress, "securityGroup" | "targetGroup">;
    data: Pick<DataTier, "database" | "cache">;
    repository: Pick<ContainerRepository, "url">;
    releases: ClusterReleases;
    /** Where the app sends traces and metrics (none without Container Insights). */
    telemetry?: AppTelemetry;
  },
): GenAiDemoApp {
  const { app, kubernetes } = config;
  const settings = appSettingPaths(config);
  return new GenAiDemoApp(scope, "app", {
    cluster: parts.cluster,
    account,
    region: region.awsRegion,
    permissions: {
      metricNamespace: APP_METRIC_NAMESPACE,
      logGroupPrefix: appLogGroupPrefix(config),
      parameterPathPrefix: settings.parameterPath,
      secretNamePrefix: settings.secretsPrefix,
    },
    loadBalancer: {
      securityGroup: parts.ingress.securityGroup,
      targetGroupArn: parts.ingress.targetGroup.arn,
      deregistrationDelaySeconds: config.ingress.deregistrationDelaySeconds,
    },
    database: parts.data.database,
    cache: parts.data.cache,
    release: app.deploy
      ? {
          image: { repository: parts.repository.url, ...app.image },
          springProfile: app.springProfile,
          replicas: app.replicas,
          resources: app.resources,
          vpcCidr: region.vpcCidr,
          timeoutSeconds: kubernetes.releaseTimeoutSeconds,
          telemetry: parts.telemetry,
          helmProvider: parts.releases.providers.helm,
          kubernetesProvider: parts.releases.providers.kubernetes,
          dependsOn: [parts.releases.controllers.loadBalancerController],
        }
      : undefined,
  });
}
