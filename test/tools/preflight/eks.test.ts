import { describe, expect, it } from "vitest";
import { eksVersions } from "../../../tools/preflight/eks";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { ADDON_PINS, primaryOnly, production } from "./config";
import { fakeClients } from "./fake-clients";

const config = primaryOnly(production());
const pins = ADDON_PINS;

describe("eksVersions", () => {
  it("passes the Kubernetes version in standard support and every pinned add-on, asked for that version", async () => {
    const clients = fakeClients({ catalogue: catalogueFor(config) });
    const rows = await eksVersions(config, clients);
    expect(rows.map((row) => `${row.check}: ${row.outcome} ${row.result}`)).toEqual([
      "EKS Kubernetes 1.34: PASS standard support until 2027-12-01",
      `EKS add-on vpc-cni ${pins.vpcCni}: PASS published for Kubernetes 1.34`,
      `EKS add-on kube-proxy ${pins.kubeProxy}: PASS published for Kubernetes 1.34`,
      `EKS add-on eks-pod-identity-agent ${pins.podIdentityAgent}: PASS published for Kubernetes 1.34`,
      `EKS add-on coredns ${pins.coredns}: PASS published for Kubernetes 1.34`,
      `EKS add-on aws-ebs-csi-driver ${pins.ebsCsiDriver}: PASS published for Kubernetes 1.34`,
    ]);
    expect(clients.calls.filter((call) => call.startsWith("addonVersions"))).toHaveLength(5);
    expect(clients.calls).toContain('addonVersions("ap-east-2", "coredns", "1.34")');
  });

  it("fails an add-on version not published for the cluster's version, listing what is", async () => {
    const catalogue = catalogueFor(config);
    const coredns = catalogue.regions["ap-east-2"]!.addons!.find((addon) => addon.addonName === "coredns")!;
    coredns.addonVersions = coredns.addonVersions.filter((version) => version.addonVersion !== pins.coredns);
    const failed = (await eksVersions(config, fakeClients({ catalogue }))).filter((row) => row.outcome === "FAIL");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      check: `EKS add-on coredns ${pins.coredns}`,
      result: "not published for Kubernetes 1.34 (published: v1.0.0-eksbuild.1)",
    });
    expect(failed[0]!.fix).toContain("eks.addonVersions.coredns");
    expect(failed[0]!.fix).toContain("--addon-name coredns --kubernetes-version 1.34");
  });

  it("fails a Kubernetes version in extended support or not offered", async () => {
    const catalogue = catalogueFor(config);
    catalogue.regions["ap-east-2"]!.clusterVersions = [{ clusterVersion: "1.34", versionStatus: "EXTENDED_SUPPORT" }];
    const [extended] = await eksVersions(config, fakeClients({ catalogue }));
    expect(extended).toMatchObject({ outcome: "FAIL", result: "EXTENDED_SUPPORT (billed at extended-support rates)" });
    catalogue.regions["ap-east-2"]!.clusterVersions = [];
    const [missing] = await eksVersions(config, fakeClients({ catalogue }));
    expect(missing).toMatchObject({ outcome: "FAIL", result: "not offered in this region" });
    expect(missing!.fix).toContain("aws eks describe-cluster-versions --region ap-east-2");
  });
});
