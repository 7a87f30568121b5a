import type { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Construct } from "constructs";
import { requestCertificate } from "../shared/certificate";

export interface RegionalCertificateProps {
  /** Subject first, then alternative names. */
  readonly names: string[];
}

/**
 * The ALB's certificate, DNS-validated. ACM gives every certificate of one account the same
 * validation record for a name, in every region, so the records are owned once by the `global`
 * stack (docs/dns.md) and this construct only waits for issuance: destroying a region can never
 * delete a record the other region's certificate renews with.
 */
export class RegionalCertificate extends Construct {
  readonly certificate: AcmCertificate;
  /** The certificate's ARN once issued: listeners use this, so they wait for validation. */
  readonly validatedArn: string;

  constructor(scope: Construct, id: string, props: RegionalCertificateProps) {
    super(scope, id);
    this.certificate = requestCertificate(this, props.names);
    const validation = new AcmCertificateValidation(this, "validation", { certificateArn: this.certificate.arn });
    this.validatedArn = validation.certificateArn;
  }
}
