import type { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Fn, TerraformIterator, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { requestCertificate } from "../shared/certificate";

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
  /** The validation records (one per name), for whoever waits for a certificate's issuance. */
  readonly records: Route53Record;

  constructor(scope: Construct, id: string, props: CertificateValidationRecordsProps) {
    super(scope, id);
    // No wait for issuance here: on the first deploy of a created zone nobody has delegated the
    // domain to it yet, so validation could not finish. The regional certificates wait instead.
    this.certificate = requestCertificate(this, props.names);
    // One record per configured name: keys known at plan time, so the very first plan (when ACM
    // has not answered yet) can size the for_each. The answer is looked up by name.
    const answers = new TerraformLocal(
      this,
      "validation-options",
      TerraformIterator.fromComplexList(
        this.certificate.domainValidationOptions,
        "domain_name",
      )._getForEachExpression(),
    );
    const names = TerraformIterator.fromList(props.names);
    const answer = (field: string) => Token.asString(Fn.lookupNested(answers.expression, [names.value, field]));
    this.records = new Route53Record(this, "record", {
      forEach: names,
      zoneId: props.zoneId,
      name: answer("resource_record_name"),
      type: answer("resource_record_type"),
      records: [answer("resource_record_value")],
      ttl: VALIDATION_RECORD_TTL_SECONDS,
      // The record is the same for every certificate of the account: in an adopted zone it may
      // already exist with this very value.
      allowOverwrite: true,
    });
  }
}
