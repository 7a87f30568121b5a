import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { describe, expect, it } from "vitest";
import { CHART_REPOSITORIES, ClusterControllers } from "../../modules/cluster-controllers";
import { blocksOf, fixtureNodeGroup, synthInStack } from "../helpers";

type Block = Record<string, unknown>;

const json = synthInStack((stack) => {
  const nodes = fixtureNodeGroup(stack);
  new ClusterControllers(stack, "controllers", {
    clusterName: "demo-taipei",
    region: "ap-east-2",
    vpcId: "vpc-0123",
    charts: {
      awsLoadBalancerController: "1.12.0",
      metricsServer: "3.12.2",
      clusterAutoscaler: { chartVersion: "9.52.1", imageTag: "v1.34.2" },
    },
    serviceAccounts: {
      loadBalancerController: { namespace: "kube-system", name: "aws-load-balancer-controller" },
      clusterAutoscaler: { namespace: "kube-system", name: "cluster-autoscaler" },
    },
    helmProvider: new HelmProvider(stack, "helm", {}),
    timeoutSeconds: 600,
    dependsOn: [nodes],
  });
});
const releases = Object.values(blocksOf(json, "helm_release"));
const release = (chart: string) => releases.find((candidate) => candidate.chart === chart)!;
const values = (block: Block) => JSON.parse((block.values as string[])[0]!) as Record<string, unknown>;

describe("ClusterControllers", () => {
  it.each([
    ["aws-load-balancer-controller", CHART_REPOSITORIES.awsLoadBalancerController.repository, "1.12.0"],
    ["metrics-server", CHART_REPOSITORIES.metricsServer.repository, "3.12.2"],
    ["cluster-autoscaler", CHART_REPOSITORIES.clusterAutoscaler.repository, "9.52.1"],
  ])(
    "installs %s from its official repository at the pinned version, atomically, after the nodes",
    (chart, repository, version) => {
      expect(release(chart)).toMatchObject({
        name: chart,
        repository,
        version,
        namespace: "kube-system",
        atomic: true,
        wait: true,
        cleanup_on_fail: true,
        timeout: 600,
        depends_on: ["aws_eks_node_group.nodes"],
      });
    },
  );

  it("hands the load balancer controller its cluster, region and VPC, since IMDS is out of its reach", () => {
    expect(values(release("aws-load-balancer-controller"))).toMatchObject({
      clusterName: "demo-taipei",
      region: "ap-east-2",
      vpcId: "vpc-0123",
      serviceAccount: { create: true, name: "aws-load-balancer-controller" },
    });
  });

  it("runs the autoscaler of the cluster's version, discovering node groups by the cluster's name", () => {
    expect(values(release("cluster-autoscaler"))).toMatchObject({
      cloudProvider: "aws",
      awsRegion: "ap-east-2",
      autoDiscovery: { clusterName: "demo-taipei" },
      image: { tag: "v1.34.2" },
      rbac: { serviceAccount: { create: true, name: "cluster-autoscaler" } },
    });
  });

  it("keeps two metrics-server replicas behind a disruption budget, for the HPA", () => {
    expect(values(release("metrics-server"))).toEqual({
      replicas: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    });
  });
});
