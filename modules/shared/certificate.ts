import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";

/**
 * A DNS-validated ACM certificate for `names` (the first is the subject) and the resource that
 * waits for its issuance (`validation.certificateArn` is the ARN once issued), after whatever
 * `waitFor` creates from the certificate (its validation records). Replacement creates the new
 * certificate before the old one goes, so listeners never lose theirs.
 */
export function dnsValidatedCertificate(
  scope: Construct,
  names: string[],
  waitFor: (certificate: AcmCertificate) => ITerraformDependable[] = () => [],
): { certificate: AcmCertificate; validation: AcmCertificateValidation } {
  const [subject, ...alternatives] = names;
  if (subject === undefined) throw new Error("a certificate needs at least one name");
  const certificate = new AcmCertificate(scope, "certificate", {
    domainName: subject,
    subjectAlternativeNames: alternatives,
    validationMethod: "DNS",
    lifecycle: { createBeforeDestroy: true },
    tags: { Name: subject },
  });
  const dependencies = waitFor(certificate);
  const validation = new AcmCertificateValidation(scope, "validation", {
    certificateArn: certificate.arn,
    dependsOn: dependencies.length > 0 ? dependencies : undefined,
  });
  return { certificate, validation };
}
