import type { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { dnsValidatedCertificate } from "../shared/certificate";

/** TTL of the validation CNAMEs; ACM re-reads them only at issuance and renewal. */
const VALIDATION_RECORD_TTL_SECONDS = 300;

export interface CertificateValidationRecordsProps {
  /** Every name any region's certificate covers (routed names and every origin name). */
  readonly names: string[];
  readonly zoneId: string;
}

/**
 * The DNS validation records of every certificate of the platform, owned once, here. ACM gives
 * all certificates of an account the same record for a name, whatever their region, so the
 * records come from a certificate in this stack's region covering every name, and each region's
 * certificate validates (and renews) against them. A region's stack owns no record that another
 * region needs. See docs/dns.md.
 */
export class CertificateValidationRecords extends Construct {
  readonly certificate: AcmCertificate;

  constructor(scope: Construct, id: string, props: CertificateValidationRecordsProps) {
    super(scope, id);
    const { certificate } = dnsValidatedCertificate(this, props.names, (issued) => {
      const byName = TerraformIterator.fromComplexList(issued.domainValidationOptions, "domain_name");
      return [
        new Route53Record(this, "record", {
          forEach: byName,
          zoneId: props.zoneId,
          name: byName.getString("resource_record_name"),
          type: byName.getString("resource_record_type"),
          records: [byName.getString("resource_record_value")],
          ttl: VALIDATION_RECORD_TTL_SECONDS,
        }),
      ];
    });
    this.certificate = certificate;
  }
}
