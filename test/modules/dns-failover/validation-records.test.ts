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

  it("writes one record per name from ACM's validation options, in our zone", () => {
    const [record] = resourcesOf(json, "aws_route53_record");
    expect(record).toMatchObject({
      zone_id: "Z123",
      name: "${each.value.resource_record_name}",
      type: "${each.value.resource_record_type}",
      records: ["${each.value.resource_record_value}"],
    });
    expect(record!.for_each).toMatch(/domain_validation_options\): val\.domain_name => val/);
    // Same record for every certificate of the account: overwriting writes the same value.
    expect(record!.allow_overwrite).toBe(true);
  });

  it("does not wait for issuance: a new zone is not delegated yet on the first deploy", () => {
    expect(resourcesOf(json, "aws_acm_certificate_validation")).toEqual([]);
  });
});
