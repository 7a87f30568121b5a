import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { EksCluster } from "../../../modules/eks-cluster";
import { blocksOf as blocks, synthInStack } from "../../helpers";
import { CLUSTER, props, role, synthCluster } from "./fixture";

const json = synthCluster();
const [clusterId] = Object.keys(blocksOf(json, "aws_eks_cluster"));
const clusterArn = `\${aws_eks_cluster.${clusterId}.arn}`;

describe.each([
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

describe("EksCluster.addWorkloadRole", () => {
  const withWorkload = synthInStack((stack) => {
    const cluster = new EksCluster(stack, "eks", props);
    const workload = cluster.addWorkloadRole("web", {
      serviceAccount: { namespace: "shop", name: "web" },
      description: "The shop's web tier",
      statements: [{ sid: "ReadCatalogue", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::catalogue/*"] }],
    });
    workload.addToPolicy({ sid: "ReadPrices", actions: ["dynamodb:GetItem"], resources: ["arn:aws:dynamodb:*"] });
  });
  const web = role(withWorkload, `${CLUSTER}-web`);

  it("trusts only that service account of this cluster, and associates the role with it", () => {
    expect(web.trust[0]!.condition).toEqual(
      expect.arrayContaining([
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: ["shop"] },
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: ["web"] },
      ]),
    );
    expect(resourcesOf(withWorkload, "aws_eks_pod_identity_association")).toContainEqual(
      expect.objectContaining({ namespace: "shop", service_account: "web", role_arn: web.ref }),
    );
  });

  it("holds its own statements and every grant added later in one inline policy", () => {
    expect(web.statements.map((statement) => statement.sid)).toEqual(["ReadCatalogue", "ReadPrices"]);
    expect(Object.values(blocks(withWorkload, "aws_iam_role")).map((block) => block.description)).toContain(
      `The shop's web tier in EKS cluster ${CLUSTER}`,
    );
  });

  it("refuses a statement id the role already has", () => {
    expect(() =>
      synthInStack((stack) => {
        const cluster = new EksCluster(stack, "eks", props);
        const workload = cluster.addWorkloadRole("web", {
          serviceAccount: { namespace: "shop", name: "web" },
          description: "Web",
          statements: [{ sid: "Read", actions: ["s3:GetObject"], resources: ["*"] }],
        });
        workload.addToPolicy({ sid: "Read", actions: ["s3:ListBucket"], resources: ["*"] });
      }),
    ).toThrow(/statement sid "Read" is already in its policy/);
  });
});
