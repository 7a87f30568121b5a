import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { CLUSTER, role, synthCluster } from "./fixture";

const json = synthCluster();
const [clusterId] = Object.keys(blocksOf(json, "aws_eks_cluster"));
const clusterArn = `\${aws_eks_cluster.${clusterId}.arn}`;

describe.each([
  { suffix: "app", namespace: "genai-demo", serviceAccount: "genai-demo", associated: true },
  {
    suffix: "load-balancer-controller",
    namespace: "kube-system",
    serviceAccount: "aws-load-balancer-controller",
    associated: true,
  },
  { suffix: "cluster-autoscaler", namespace: "kube-system", serviceAccount: "cluster-autoscaler", associated: true },
  { suffix: "ebs-csi-driver", namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa", associated: false },
])("EksCluster: Pod Identity role $suffix", ({ suffix, namespace, serviceAccount, associated }) => {
  const workload = role(json, `${CLUSTER}-${suffix}`);

  it("trusts only Pod Identity, for this cluster, namespace and service account", () => {
    expect(workload.trust).toEqual([
      {
        effect: "Allow",
        actions: ["sts:AssumeRole", "sts:TagSession"],
        principals: [{ type: "Service", identifiers: ["pods.eks.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:RequestTag/eks-cluster-arn", values: [clusterArn] },
          { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: [namespace] },
          { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: [serviceAccount] },
        ],
      },
    ]);
  });

  it(associated ? "is associated with its service account" : "is associated by its add-on instead", () => {
    const associations = resourcesOf(json, "aws_eks_pod_identity_association").filter(
      (association) => association.role_arn === workload.ref,
    );
    expect(associations).toEqual(
      associated
        ? [
            expect.objectContaining({
              namespace,
              service_account: serviceAccount,
              cluster_name: `\${aws_eks_cluster.${clusterId}.name}`,
            }),
          ]
        : [],
    );
  });
});

describe("EksCluster: app service account", () => {
  it("follows a custom namespace and service account into trust and association", () => {
    const custom = synthCluster({ appServiceAccount: { namespace: "shop", name: "web" } });
    const app = role(custom, `${CLUSTER}-app`);
    expect(app.trust[0]!.condition).toEqual(
      expect.arrayContaining([
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: ["shop"] },
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: ["web"] },
      ]),
    );
    expect(resourcesOf(custom, "aws_eks_pod_identity_association")).toContainEqual(
      expect.objectContaining({ namespace: "shop", service_account: "web", role_arn: app.ref }),
    );
  });
});
