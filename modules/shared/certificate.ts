import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import type { Construct } from "constructs";

/**
 * A DNS-validated ACM certificate request for `names` (the first is the subject). Replacement
 * creates the new certificate before the old one goes, so listeners never lose theirs.
 */
export function requestCertificate(scope: Construct, names: string[]): AcmCertificate {
  const [subject, ...alternatives] = names;
  if (subject === undefined) throw new Error("a certificate needs at least one name");
  return new AcmCertificate(scope, "certificate", {
    domainName: subject,
    subjectAlternativeNames: alternatives,
    validationMethod: "DNS",
    lifecycle: { createBeforeDestroy: true },
    tags: { Name: subject },
  });
}
