import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import type { Construct } from "constructs";

/**
 * AWS managed policies, by their fixed ids (CloudFront Developer Guide, "Use managed cache
 * policies" and "Use managed origin request policies", read 2026-12-02).
 */
export const MANAGED_POLICY_IDS = {
  /** Cache policy `Managed-CachingDisabled`: nothing cached, TTL 0. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** Origin request policy `Managed-AllViewerExceptHostHeader`: every viewer header but Host, all cookies and query strings. */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

/** HSTS for two years, subdomains included, preload-ready (hstspreload.org asks at least one year). */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * The cache policy of static resources: kept `seconds` at the edge (and at most that), keyed
 * by path alone, stored compressed (gzip and Brotli) for viewers that accept it.
 */
export function staticCachePolicy(scope: Construct, name: string, seconds: number): CloudfrontCachePolicy {
  return new CloudfrontCachePolicy(scope, "static-cache-policy", {
    name: `${name}-static`,
    comment: `Static resources of ${name}: ${seconds} s at the edge`,
    minTtl: 0,
    defaultTtl: seconds,
    maxTtl: seconds,
    parametersInCacheKeyAndForwardedToOrigin: {
      cookiesConfig: { cookieBehavior: "none" },
      headersConfig: { headerBehavior: "none" },
      queryStringsConfig: { queryStringBehavior: "none" },
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  });
}

/**
 * Security headers on every response, whatever the app sets: HSTS, `nosniff`, no framing, and
 * a referrer policy that keeps paths on this site.
 */
export function securityHeadersPolicy(scope: Construct, name: string): CloudfrontResponseHeadersPolicy {
  return new CloudfrontResponseHeadersPolicy(scope, "security-headers", {
    name: `${name}-security-headers`,
    comment: `Security headers of ${name}`,
    securityHeadersConfig: {
      strictTransportSecurity: {
        accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS,
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: "DENY", override: true },
      referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
    },
  });
}
