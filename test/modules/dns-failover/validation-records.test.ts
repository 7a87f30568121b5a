import { describe, expect, it } from "vitest";
import { CertificateValidationRecords } from "../../../modules/dns-failover";
import { resourcesOf, synthInStack } from "../../helpers";

describe("CertificateValidationRecords", () => {
  const json = synthInStack(
    (stack) =>
      new CertificateValidationRecords(stack, "validation", {
        names: ["example.com", "api.example.com", "taipei.origin.example.com", "tokyo.origin.example.com"],
        zoneId: "Z123",
      }),
    "us-east-1",
  );

  it("requests one DNS-validated certificate for every name", () => {
    expect(resourcesOf(json, "aws_acm_certificate")).toEqual([
      expect.objectContaining({
        domain_name: "example.com",
        subject_alternative_names: ["api.example.com", "taipei.origin.example.com", "tokyo.origin.example.com"],
        validation_method: "DNS",
      }),
    ]);
  });

  it("writes one record per configured name (keys known at the first plan), from ACM's answer for it", () => {
    const [record] = resourcesOf(json, "aws_route53_record");
    const document = JSON.parse(json) as { locals: Record<string, string> };
    const [[local, answers]] = Object.entries(document.locals) as [[string, string]];
    expect(answers).toMatch(/domain_validation_options\): val\.domain_name => val/);
    expect(record).toMatchObject({
      zone_id: "Z123",
      for_each: '${toset(["example.com", "api.example.com", "taipei.origin.example.com", "tokyo.origin.example.com"])}',
      name: `\${local.${local}[each.value].resource_record_name}`,
      type: `\${local.${local}[each.value].resource_record_type}`,
      records: [`\${local.${local}[each.value].resource_record_value}`],
    });
    // Same record for every certificate of the account: overwriting writes the same value.
    expect(record!.allow_overwrite).toBe(true);
  });

  it("does not wait for issuance: a new zone is not delegated yet on the first deploy", () => {
    expect(resourcesOf(json, "aws_acm_certificate_validation")).toEqual([]);
  });
});
