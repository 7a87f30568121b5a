import { describe, expect, it } from "vitest";
import { cpuMillicores, memoryBytes } from "../../../src/config/schema";
import { environmentConfig } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter, taipei } from "./helpers";

const app = (input: Input) => input.app;
const charts = (input: Input) => taipei(input).eks.charts;

describe("app configuration", () => {
  it("rejects more minimum replicas than maximum", () => {
    const lines = problemsAfter((input) => (app(input).replicas = { min: 5, max: 3 }));
    expectSingleProblem(lines, "app.replicas.min", "5", /must not exceed replicas.max \(3\)/);
  });

  it("rejects zero replicas", () => {
    const lines = problemsAfter((input) => (app(input).replicas.min = 0));
    expectSingleProblem(lines, "app.replicas.min", "0", />=1/);
  });

  it.each([
    ["cpu", { cpu: "3", memory: "1Gi" }, '"3"', /must not exceed resources.limits.cpu \(2\)/],
    ["memory", { cpu: "500m", memory: "3Gi" }, '"3Gi"', /must not exceed resources.limits.memory \(2Gi\)/],
  ])("rejects a %s request above its limit", (resource, requests, value, rule) => {
    const lines = problemsAfter((input) => (app(input).resources.requests = requests));
    expectSingleProblem(lines, `app.resources.requests.${resource}`, value, rule);
  });

  it.each([
    ["cpu", "half"],
    ["memory", "1GB"],
  ])("rejects a %s quantity Kubernetes cannot read", (resource, quantity) => {
    const lines = problemsAfter(
      (input) => ((app(input).resources.limits as Record<string, string>)[resource] = quantity),
    );
    expectSingleProblem(lines, `app.resources.limits.${resource}`, `"${quantity}"`, /must be a Kubernetes/);
  });

  it('rejects the image tag "latest" in production', () => {
    const lines = problemsAfter((input) => (app(input).image.tag = "latest"));
    expectSingleProblem(lines, "app.image.tag", '"latest"', /production must pin a release tag or digest/);
  });

  it('accepts "latest" outside production', () => {
    const config = environmentConfig("development", (input) => (input.app.image.tag = "latest"));
    expect(config.app.image.tag).toBe("latest");
  });

  it("rejects a malformed digest", () => {
    const lines = problemsAfter((input) => (app(input).image.digest = "sha256:abc"));
    expectSingleProblem(lines, "app.image.digest", '"sha256:abc"', /sha256:<64 hex digits>/);
  });

  it("reads Kubernetes quantities", () => {
    expect([cpuMillicores("250m"), cpuMillicores("1.5"), cpuMillicores("2")]).toEqual([250, 1500, 2000]);
    expect([memoryBytes("128Mi"), memoryBytes("1G"), memoryBytes("1024")]).toEqual([134_217_728, 1e9, 1024]);
  });
});

describe("add-on chart configuration", () => {
  it.each(["1.12", "~1.12.0", "v1.12.0", "latest"])(
    "rejects chart version %s, which is not exact SemVer",
    (version) => {
      const lines = problemsAfter((input) => (charts(input).metricsServer = version));
      expectSingleProblem(lines, "regions[0].eks.charts.metricsServer", `"${version}"`, /exact SemVer chart version/);
    },
  );

  it("rejects a cluster-autoscaler built for another Kubernetes minor", () => {
    const lines = problemsAfter((input) => (charts(input).clusterAutoscaler.imageTag = "v1.33.1"));
    expectSingleProblem(
      lines,
      "regions[0].eks.charts.clusterAutoscaler.imageTag",
      '"v1.33.1"',
      /cluster's Kubernetes version 1.34 \(v1.34.N\)/,
    );
  });

  it.each(["1.11.0", "1.13.0"])(
    "rejects load balancer controller chart %s, whose controller does not match the granted IAM policy",
    (version) => {
      const lines = problemsAfter((input) => (charts(input).awsLoadBalancerController = version));
      expectSingleProblem(
        lines,
        "regions[0].eks.charts.awsLoadBalancerController",
        `"${version}"`,
        /must be a 1.12.x chart/,
      );
    },
  );

  it("authenticates the providers with the ephemeral token unless told otherwise", () => {
    expect(environmentConfig("production").kubernetes.providerAuthentication).toBe("ephemeral-token");
    const lines = problemsAfter(
      (input) => ((input.kubernetes as Record<string, unknown>).providerAuthentication = "kubeconfig"),
    );
    expectSingleProblem(lines, "kubernetes.providerAuthentication", '"kubeconfig"', /ephemeral-token, aws-cli-exec/);
  });

  it("rejects a release timeout under a minute", () => {
    const lines = problemsAfter((input) => (input.kubernetes.releaseTimeoutSeconds = 30));
    expectSingleProblem(lines, "kubernetes.releaseTimeoutSeconds", "30", />=60/);
  });
});
