import { describe, expect, it } from "vitest";
import {
  checkovInput,
  checkovCountsByStack,
  formatTable,
  retargetProviderVersions,
  unbuiltProviderErrors,
  withoutProviders,
  validateErrors,
} from "../../../tools/validate/report";

describe("retargetProviderVersions", () => {
  const builds = [
    { name: "aws", builtVersion: "6.47.10", pinnedVersion: "6.25.0" },
    { name: "helm", builtVersion: "3.1.1", pinnedVersion: "3.1.1" },
  ];

  it("points pinned constraints at the built provider and says so", () => {
    const document = {
      terraform: {
        required_providers: { aws: { version: "6.25.0" }, helm: { version: "3.1.1" }, null: { version: "3.2.0" } },
      },
    };
    expect(retargetProviderVersions(document, builds)).toEqual(["aws 6.25.0 -> 6.47.10"]);
    expect(document.terraform.required_providers).toEqual({
      aws: { version: "6.47.10" },
      helm: { version: "3.1.1" },
      null: { version: "3.2.0" },
    });
  });

  it("leaves a document without providers alone", () => {
    expect(retargetProviderVersions({}, builds)).toEqual([]);
  });

  it("points the tfe constraint of @cdktf/provider-tfe (~> 0.33) at the built release like any other", () => {
    const document = { terraform: { required_providers: { tfe: { version: "~> 0.33" }, aws: { version: "6.25.0" } } } };
    const withTfe = [...builds, { name: "tfe", builtVersion: "0.71.0", pinnedVersion: "0.71.0" }];
    expect(retargetProviderVersions(document, withTfe)).toEqual(["tfe ~> 0.33 -> 0.71.0", "aws 6.25.0 -> 6.47.10"]);
    expect(document.terraform.required_providers.tfe).toEqual({ version: "0.71.0" });
  });
});

describe("unbuiltProviderErrors", () => {
  const unavailable = [{ name: "tfe", version: "0.71.0", reason: "the proxy refused it" }];

  it("says a stack requiring a provider that could not be built is not validated, and why", () => {
    const document = { terraform: { required_providers: { aws: { version: "6.25.0" }, tfe: { version: "~> 0.33" } } } };
    expect(unbuiltProviderErrors(document, unavailable)).toEqual([
      "not validated: provider tfe 0.71.0 could not be built (the proxy refused it)",
    ]);
  });

  it("finds nothing in a stack that does not require it", () => {
    expect(unbuiltProviderErrors({ terraform: { required_providers: { aws: {} } } }, unavailable)).toEqual([]);
    expect(unbuiltProviderErrors({}, unavailable)).toEqual([]);
  });
});

describe("validateErrors", () => {
  it("keeps error diagnostics with address, summary and detail", () => {
    const output = JSON.stringify({
      valid: false,
      diagnostics: [
        { severity: "warning", summary: "Deprecated" },
        {
          severity: "error",
          summary: "expected type to be one of [PRIMARY SECONDARY], got PRIMARI",
          address: "aws_route53_record.api",
          detail: "",
        },
      ],
    });
    expect(validateErrors(output)).toEqual([
      "aws_route53_record.api: expected type to be one of [PRIMARY SECONDARY], got PRIMARI",
    ]);
  });

  it("finds nothing in a valid result", () => {
    expect(validateErrors('{"valid":true,"error_count":0,"diagnostics":[]}')).toEqual([]);
  });
});

describe("checkovCountsByStack", () => {
  const check = (id: string, file: string) => ({
    check_id: id,
    check_name: `name of ${id}`,
    file_path: file,
    resource: "r",
  });
  const report = {
    check_type: "terraform_json",
    results: {
      passed_checks: [
        check("CKV_1", "/production/taipei/cdk.tf.json"),
        check("CKV_2", "/production/taipei/cdk.tf.json"),
      ],
      failed_checks: [check("CKV_AWS_24", "/selftest/insecure/cdk.tf.json")],
      skipped_checks: [check("CKV_3", "/production/taipei/cdk.tf.json")],
    },
  };

  it("counts passed, failed and skipped checks per stack directory", () => {
    const counts = checkovCountsByStack(JSON.stringify(report));
    expect(counts.get("production/taipei")).toEqual({ passed: 2, failed: 0, skipped: 1, failures: [] });
    expect(counts.get("selftest/insecure")).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: ["CKV_AWS_24 r: name of CKV_AWS_24"],
    });
  });

  it("accepts the list checkov prints when several frameworks ran, and ignores empty summaries", () => {
    const counts = checkovCountsByStack(JSON.stringify([report, { passed: 0, failed: 0 }]));
    expect([...counts.keys()].sort()).toEqual(["production/taipei", "selftest/insecure"]);
  });
});

describe("checkovInput", () => {
  it("drops the moved blocks checkov cannot parse and keeps everything else", () => {
    const document = {
      resource: { aws_iam_role: { r: { name: "x" } } },
      moved: [{ from: "aws_iam_role.old", to: "aws_iam_role.r" }],
    };
    expect(checkovInput(document)).toEqual({ resource: document.resource });
    expect(document.moved).toHaveLength(1);
  });
});

describe("formatTable", () => {
  it("pads columns to their widest cell under a rule", () => {
    expect(formatTable(["a", "bb"], [["ccc", "d"]])).toBe(["a   | bb", "----|---", "ccc | d "].join("\n"));
  });
});

describe("withoutProviders", () => {
  const document = {
    terraform: { required_providers: { aws: { version: "6.25.0" }, tfe: { version: "~> 0.33" } } },
    provider: { aws: [{ region: "us-east-1" }], tfe: [{ hostname: "app.terraform.io" }] },
    resource: {
      aws_iam_role: { role: { name: "r" } },
      tfe_workspace: { a: { name: "a" }, b: { name: "b" } },
      tfe_variable: { v: { key: "k" } },
    },
    data: { tfe_organization_membership: { m: { email: "x@example.com" } }, aws_partition: { p: {} } },
  };

  it("leaves out the provider, its resources and data sources, and counts them", () => {
    const { document: rest, removed } = withoutProviders(document, ["tfe"]);
    expect(removed).toBe(5);
    expect(rest).toEqual({
      terraform: { required_providers: { aws: { version: "6.25.0" } } },
      provider: { aws: [{ region: "us-east-1" }] },
      resource: { aws_iam_role: { role: { name: "r" } } },
      data: { aws_partition: { p: {} } },
    });
    expect(document.resource.tfe_workspace).toBeDefined();
  });

  it("changes nothing for providers the stack does not use", () => {
    expect(withoutProviders(document, ["kubernetes"])).toEqual({ document, removed: 0 });
  });
});
