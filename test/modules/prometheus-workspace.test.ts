import { describe, expect, it } from "vitest";
import { PrometheusWorkspace } from "../../modules/prometheus-workspace";
import { resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };
let workspace!: PrometheusWorkspace;
const build = (protection?: "retain" | "destroy") =>
  synthInStack((stack) => {
    workspace = new PrometheusWorkspace(stack, "prometheus", {
      alias: "demo-production-taipei",
      account,
      retentionDays: 150,
      protection,
    });
  });
const json = build();

describe("PrometheusWorkspace", () => {
  it("encrypts the samples with its own rotating key, and keeps them as long as configured", () => {
    const [ws] = resourcesOf(json, "aws_prometheus_workspace");
    const [key] = resourcesOf(json, "aws_kms_key");
    expect(ws).toMatchObject({
      alias: "demo-production-taipei",
      kms_key_arn: expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/),
    });
    expect(key).toMatchObject({ enable_key_rotation: true });
    expect(resourcesOf(json, "aws_prometheus_workspace_configuration")).toEqual([
      expect.objectContaining({
        retention_period_in_days: 150,
        workspace_id: expect.stringMatching(/aws_prometheus_workspace\./),
      }),
    ]);
  });

  it("is retained unless the environment is disposable", () => {
    const retained = resourcesOf(json, "aws_prometheus_workspace")[0]!;
    const disposable = resourcesOf(build("destroy"), "aws_prometheus_workspace")[0]!;
    expect(retained.lifecycle).toMatchObject({ prevent_destroy: true });
    expect(disposable.lifecycle).toMatchObject({ prevent_destroy: false });
  });

  it("grants writers and readers this workspace only", () => {
    build();
    expect(workspace.remoteWriteStatement()).toEqual({
      sid: "RemoteWriteToWorkspace",
      actions: ["aps:RemoteWrite"],
      resources: [workspace.arn],
    });
    const query = workspace.queryStatement();
    expect(query.resources).toEqual([workspace.arn]);
    expect(query.actions.every((action) => action.startsWith("aps:") && action !== "aps:RemoteWrite")).toBe(true);
  });
});
