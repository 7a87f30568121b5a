import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { resolve } from "node:path";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  DEREGISTRATION_PROPAGATION_SECONDS,
  addAppRelease,
  appChartValues,
} from "../../../modules/genai-demo-app/release";
import { fixtureNodeGroup, refTo, resourcesOf, synthInStack } from "../../helpers";

const CHART = resolve(__dirname, "../../../charts/genai-demo");

const valueProps = {
  serviceAccount: { namespace: "genai-demo", name: "genai-demo" },
  image: { repository: "111122223333.dkr.ecr.ap-east-2.amazonaws.com/genai-demo/production", tag: "1.4.2" },
  springProfile: "production",
  region: "ap-east-2",
  settings: { parameterPath: "/genai-demo/production/", secretsPrefix: "genai-demo/production/" },
  replicas: { min: 2, max: 10 },
  resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
  targetGroupArn: "arn:aws:elasticloadbalancing:ap-east-2:111122223333:targetgroup/demo/abc",
  deregistrationDelaySeconds: 30,
  vpcCidr: "10.0.0.0/16",
};

const json = synthInStack((stack) => {
  const nodes = fixtureNodeGroup(stack);
  const role = new IamRole(stack, "app-role", { assumeRolePolicy: "{}" });
  addAppRelease(new Construct(stack, "app"), {
    ...valueProps,
    chartPath: CHART,
    timeoutSeconds: 900,
    helmProvider: new HelmProvider(stack, "helm", {}),
    kubernetesProvider: new KubernetesProvider(stack, "kubernetes", {}),
    clusterReady: [nodes],
    releaseDependsOn: [role],
  });
});
const [release] = resourcesOf(json, "helm_release");
const [namespace] = resourcesOf(json, "kubernetes_namespace_v1");

describe("addAppRelease", () => {
  it("creates the app's namespace under the restricted Pod Security Standard, once the cluster is ready", () => {
    expect(namespace).toMatchObject({
      metadata: {
        name: "genai-demo",
        labels: { "pod-security.kubernetes.io/enforce": "restricted" },
      },
      depends_on: ["aws_eks_node_group.nodes"],
    });
  });

  it("installs the repository's chart, shipped as a stack asset, atomically into that namespace", () => {
    expect(release).toMatchObject({
      name: "genai-demo",
      namespace: refTo(json, "kubernetes_namespace_v1", () => true, "metadata[0].name"),
      atomic: true,
      wait: true,
      timeout: 900,
      depends_on: ["aws_eks_node_group.nodes", "aws_iam_role.app-role"],
    });
    expect(release!.chart).toMatch(/^assets\/app_chart_[0-9A-F]+\/[0-9A-F]+$/);
    expect(release!.repository).toBeUndefined();
  });

  it("passes the values built from its props as one JSON document", () => {
    expect(JSON.parse((release!.values as string[])[0]!)).toEqual(appChartValues(valueProps));
  });
});

describe("appChartValues", () => {
  const values = appChartValues(valueProps);

  it("points the pods at the region's image, target group, settings and role's service account", () => {
    expect(values).toMatchObject({
      image: { repository: valueProps.image.repository, tag: "1.4.2" },
      aws: { region: "ap-east-2", parameterPath: "/genai-demo/production/", secretsPrefix: "genai-demo/production/" },
      serviceAccount: { name: "genai-demo" },
      targetGroupBinding: { enabled: true, targetGroupArn: valueProps.targetGroupArn },
      networkPolicy: { vpcCidr: "10.0.0.0/16" },
    });
  });

  it("scales between the configured replicas at SPEC's targets, with the configured resources", () => {
    expect(values.hpa).toEqual({
      minReplicas: 2,
      maxReplicas: 10,
      targetCpuPercent: 70,
      targetMemoryPercent: 80,
      scaleDownStabilizationSeconds: 300,
    });
    expect(values.resources).toEqual(valueProps.resources);
  });

  it("keeps a pod serving through deregistration and the ALB's draining delay", () => {
    expect(values.drain).toEqual({
      preStopSeconds: DEREGISTRATION_PROPAGATION_SECONDS,
      terminationGracePeriodSeconds: DEREGISTRATION_PROPAGATION_SECONDS + 30,
    });
  });

  it("keeps one pod through voluntary disruptions, unless there is only one", () => {
    expect(values.pdb).toEqual({ minAvailable: 1 });
    expect(appChartValues({ ...valueProps, replicas: { min: 1, max: 3 } }).pdb).toEqual({ minAvailable: 0 });
  });

  it("exports no telemetry unless told where to", () => {
    expect(values.telemetry.traces.enabled).toBe(false);
    expect(values.telemetry.metrics.enabled).toBe(false);
  });

  it("sends traces and metrics to the ports it is given, sampling as configured", () => {
    const telemetry = appChartValues({
      ...valueProps,
      telemetry: { traces: { port: 4318, sampleRatio: 0.25 }, metrics: { port: 4328 } },
    }).telemetry;
    expect(telemetry).toEqual({
      traces: { enabled: true, port: 4318, sampleRatio: 0.25 },
      metrics: { enabled: true, port: 4328 },
    });
  });

  it("pins a digest when one is given", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect(appChartValues({ ...valueProps, image: { ...valueProps.image, digest } }).image.digest).toBe(digest);
  });
});
