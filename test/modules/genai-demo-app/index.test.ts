import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EksCluster } from "../../../modules/eks-cluster";
import {
  APP_DATABASE_USER,
  type AppCache,
  type AppDatabase,
  GenAiDemoApp,
  type GenAiDemoAppProps,
} from "../../../modules/genai-demo-app";
import type { IGrantee } from "../../../modules/iam-role";
import type { Peer } from "../../../modules/shared/connections";
import { blocksOf, resourcesOf, synthInStack } from "../../helpers";
import { CLUSTER, props as clusterProps, role } from "../eks-cluster/fixture";

const ALB = { securityGroupId: "sg-alb", name: "alb" };

/** A data store that grants a marker statement and remembers who it admitted. */
class FakeStore implements AppDatabase, AppCache {
  readonly admitted: string[] = [];
  constructor(private readonly sid: string) {}
  allowFrom(peer: Peer, description: string): void {
    this.admitted.push(`${"name" in peer ? peer.name : peer.cidr}: ${description}`);
  }
  grantConnect(grantee: IGrantee, user?: string): void {
    grantee.addToPolicy({ sid: this.sid, actions: ["test:Connect"], resources: [`arn:test:${user ?? "app-user"}`] });
  }
}

function synthApp(overrides: (stack: TerraformStack) => Partial<GenAiDemoAppProps> = () => ({})) {
  const stores = { database: new FakeStore("DatabaseGrant"), cache: new FakeStore("CacheGrant") };
  const json = synthInStack((stack) => {
    const cluster = new EksCluster(stack, "eks", clusterProps);
    new GenAiDemoApp(stack, "app", {
      cluster,
      account: clusterProps.account,
      region: clusterProps.region,
      permissions: {
        metricNamespace: "GenAIDemo",
        logGroupPrefix: "/aws/genai-demo/",
        parameterPathPrefix: "/genai-demo/production/",
        secretNamePrefix: "genai-demo/production/",
      },
      loadBalancer: { securityGroup: ALB, targetGroupArn: "arn:aws:tg", deregistrationDelaySeconds: 30 },
      database: stores.database,
      cache: stores.cache,
      release: {
        image: { repository: "111122223333.dkr.ecr.ap-east-2.amazonaws.com/genai-demo/production", tag: "1.0.0" },
        springProfile: "production",
        replicas: { min: 2, max: 4 },
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
        vpcCidr: "10.0.0.0/16",
        timeoutSeconds: 600,
        helmProvider: new HelmProvider(stack, "helm", {}),
        kubernetesProvider: new KubernetesProvider(stack, "kubernetes", {}),
      },
      ...overrides(stack),
    });
  });
  return { json, stores };
}

describe("GenAiDemoApp", () => {
  const { json, stores } = synthApp();
  const app = role(json, `${CLUSTER}-app`);

  it("runs as a Pod Identity role only genai-demo/genai-demo of its cluster can assume", () => {
    expect(app.trust[0]!.condition).toEqual(
      expect.arrayContaining([
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: ["genai-demo"] },
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: ["genai-demo"] },
      ]),
    );
  });

  it("holds its own permissions and the data stores' grants in one policy", () => {
    expect(app.statements.map((statement) => statement.sid)).toEqual([
      "PublishOwnMetrics",
      "WriteOwnLogs",
      "SendTraces",
      "ReadOwnParameters",
      "ReadOwnSecrets",
      "DecryptThroughSsmAndSecretsManagerOnly",
      "DatabaseGrant",
      "CacheGrant",
    ]);
    expect(app.statements.find((statement) => statement.sid === "DatabaseGrant")!.resources).toEqual([
      `arn:test:${APP_DATABASE_USER}`,
    ]);
  });

  it("opens the path ALB -> pods on the container port, and pods -> each data store", () => {
    const nodes = Object.entries(blocksOf(json, "aws_security_group")).find(
      ([, group]) => group.name === `${CLUSTER}-eks-nodes`,
    )![0];
    expect(resourcesOf(json, "aws_vpc_security_group_ingress_rule")).toContainEqual(
      expect.objectContaining({
        security_group_id: `\${aws_security_group.${nodes}.id}`,
        referenced_security_group_id: "sg-alb",
        from_port: 8080,
        to_port: 8080,
      }),
    );
    expect(stores.database.admitted).toEqual(["eks-nodes: PostgreSQL from app pods"]);
    expect(stores.cache.admitted).toEqual(["eks-nodes: Cache from app pods"]);
  });

  it("installs its release only after its role, policy and association exist", () => {
    const [release] = resourcesOf(json, "helm_release");
    const dependsOn = release!.depends_on as string[];
    const [policyId] = Object.entries(blocksOf(json, "aws_iam_role_policy")).find(
      ([, policy]) => String(policy.name) === `${CLUSTER}-app`,
    )!;
    expect(dependsOn).toContain(`aws_iam_role_policy.${policyId}`);
    expect(dependsOn.some((dependency) => dependency.startsWith("aws_eks_pod_identity_association."))).toBe(true);
    expect(JSON.parse((release!.values as string[])[0]!)).toMatchObject({
      targetGroupBinding: { targetGroupArn: "arn:aws:tg" },
      aws: { parameterPath: "/genai-demo/production/", secretsPrefix: "genai-demo/production/" },
    });
  });

  it("keeps the release's addresses under the app (app/namespace, app/release)", () => {
    const ids = [
      ...Object.keys(blocksOf(json, "helm_release")),
      ...Object.keys(blocksOf(json, "kubernetes_namespace_v1")),
    ];
    expect(ids.map((id) => id.replace(/_[0-9A-F]{8}$/, "")).sort()).toEqual(["app_namespace", "app_release"]);
  });

  it("has only its AWS side without a release, and no database grant without a database", () => {
    const { json: bare } = synthApp(() => ({ release: undefined, database: undefined }));
    expect(resourcesOf(bare, "helm_release")).toEqual([]);
    expect(resourcesOf(bare, "kubernetes_namespace_v1")).toEqual([]);
    expect(role(bare, `${CLUSTER}-app`).statements.map((statement) => statement.sid)).not.toContain("DatabaseGrant");
  });
});
