import { describe, expect, it } from "vitest";
import { remoteCharts, repositorySlug } from "../../../tools/emulate/stand-in-charts";

describe("stand-in charts", () => {
  it("stand in only for releases from http(s) repositories, keeping name and version", () => {
    const charts = remoteCharts({
      resource: {
        helm_release: {
          controller: {
            repository: "https://aws.github.io/eks-charts",
            chart: "aws-load-balancer-controller",
            version: "1.12.0",
          },
          app: { chart: "assets/app/chart" },
          oci: { repository: "oci://registry.example/charts", chart: "x", version: "1.0.0" },
        },
      },
    });
    expect([...charts]).toEqual([
      [
        "helm_release.controller",
        { repository: "https://aws.github.io/eks-charts", chart: "aws-load-balancer-controller", version: "1.12.0" },
      ],
    ]);
  });

  it("refuse a remote release without a pinned version, which they could not match", () => {
    expect(() =>
      remoteCharts({ resource: { helm_release: { x: { repository: "https://charts.example", chart: "x" } } } }),
    ).toThrow(/helm_release.x: a chart from https:\/\/charts.example needs chart and version/);
  });

  it("serve each repository under a path of its own", () => {
    expect(repositorySlug("https://kubernetes-sigs.github.io/metrics-server/")).toBe(
      "kubernetes-sigs.github.io_metrics-server",
    );
    expect(repositorySlug("https://kubernetes.github.io/autoscaler")).toBe("kubernetes.github.io_autoscaler");
  });
});
