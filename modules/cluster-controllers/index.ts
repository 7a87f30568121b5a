import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import type { Release } from "@cdktf/provider-helm/lib/release";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { ServiceAccountRef } from "../eks-cluster";
import { pinnedRelease } from "../shared/helm-release";

/** The official chart repositories. */
export const CHART_REPOSITORIES = {
  awsLoadBalancerController: { repository: "https://aws.github.io/eks-charts", chart: "aws-load-balancer-controller" },
  metricsServer: { repository: "https://kubernetes-sigs.github.io/metrics-server/", chart: "metrics-server" },
  clusterAutoscaler: { repository: "https://kubernetes.github.io/autoscaler", chart: "cluster-autoscaler" },
} as const;

/** Replicas of each controller: two, so a node drain never stops admission webhooks or metrics. */
export const CONTROLLER_REPLICAS = 2;
/** Namespace of controllers that run without an AWS role. */
export const CONTROLLER_NAMESPACE = "kube-system";

export interface ControllerChartVersions {
  readonly awsLoadBalancerController: string;
  readonly metricsServer: string;
  readonly clusterAutoscaler: { readonly chartVersion: string; readonly imageTag: string };
}

export interface ClusterControllersProps {
  readonly clusterName: string;
  /** AWS region of the cluster. Given explicitly: IMDS is out of the pods' reach (hop limit 1). */
  readonly region: string;
  /** VPC of the cluster, for the load balancer controller (same reason as `region`). */
  readonly vpcId: string;
  readonly charts: ControllerChartVersions;
  /** Service accounts the Pod Identity associations expect; the charts create them. */
  readonly serviceAccounts: {
    readonly loadBalancerController: ServiceAccountRef;
    readonly clusterAutoscaler: ServiceAccountRef;
  };
  readonly helmProvider: HelmProvider;
  /** Seconds each release may take to become ready. */
  readonly timeoutSeconds: number;
  /** What must exist first: nodes, networking add-ons, API access, the controllers' roles. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * The cluster's controllers from their official charts at pinned versions: the AWS Load Balancer
 * Controller (registers pods in the ALB's target group through `TargetGroupBinding`),
 * metrics-server (what the app's HPA reads) and the cluster autoscaler (node groups found by
 * their auto-discovery tags).
 */
export class ClusterControllers extends Construct {
  /** Its webhook serves `TargetGroupBinding`: releases using one must wait for it. */
  readonly loadBalancerController: Release;
  readonly metricsServer: Release;
  readonly clusterAutoscaler: Release;

  constructor(scope: Construct, id: string, props: ClusterControllersProps) {
    super(scope, id);
    const { charts, serviceAccounts } = props;
    const release = (
      releaseId: string,
      namespace: string,
      chart: { repository: string; chart: string; version: string },
      values: object,
    ) =>
      pinnedRelease(this, releaseId, {
        name: chart.chart,
        namespace,
        chart,
        values,
        timeoutSeconds: props.timeoutSeconds,
        provider: props.helmProvider,
        dependsOn: props.dependsOn,
      });

    this.loadBalancerController = release(
      "aws-load-balancer-controller",
      serviceAccounts.loadBalancerController.namespace,
      { ...CHART_REPOSITORIES.awsLoadBalancerController, version: charts.awsLoadBalancerController },
      {
        clusterName: props.clusterName,
        region: props.region,
        vpcId: props.vpcId,
        replicaCount: CONTROLLER_REPLICAS,
        serviceAccount: { create: true, name: serviceAccounts.loadBalancerController.name },
        // The app is reached through TargetGroupBinding only; leave Services of type
        // LoadBalancer alone rather than turning them into NLBs behind anyone's back.
        enableServiceMutatorWebhook: false,
      },
    );
    this.metricsServer = release(
      "metrics-server",
      CONTROLLER_NAMESPACE,
      { ...CHART_REPOSITORIES.metricsServer, version: charts.metricsServer },
      { replicas: CONTROLLER_REPLICAS, podDisruptionBudget: { enabled: true, minAvailable: 1 } },
    );
    this.clusterAutoscaler = release(
      "cluster-autoscaler",
      serviceAccounts.clusterAutoscaler.namespace,
      { ...CHART_REPOSITORIES.clusterAutoscaler, version: charts.clusterAutoscaler.chartVersion },
      {
        cloudProvider: "aws",
        awsRegion: props.region,
        autoDiscovery: { clusterName: props.clusterName },
        image: { tag: charts.clusterAutoscaler.imageTag },
        rbac: { serviceAccount: { create: true, name: serviceAccounts.clusterAutoscaler.name } },
        extraArgs: { "balance-similar-node-groups": true, expander: "least-waste" },
      },
    );
  }
}
