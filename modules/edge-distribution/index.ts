import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import {
  CloudfrontDistribution,
  type CloudfrontDistributionOrderedCacheBehavior,
  type CloudfrontDistributionOrigin,
} from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudwatchLogDelivery } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery";
import { CloudwatchLogDeliveryDestination } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-destination";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { AwsAccount } from "../shared/aws-account";
import { PORTS } from "../shared/constants";
import type { Protection } from "../shared/protection";
import { MANAGED_RULE_GROUPS, WebAcl } from "../web-acl";
import { MANAGED_POLICY_IDS, securityHeadersPolicy, staticCachePolicy } from "./policies";

export { HSTS_MAX_AGE_SECONDS, MANAGED_POLICY_IDS } from "./policies";

/** Viewer TLS: TLS 1.2 with the 2021 ciphers, or 1.3 (CloudFront's "Supported protocols and ciphers"). */
export const VIEWER_TLS_POLICY = "TLSv1.2_2021";
/** What the edge speaks to viewers: HTTP/1.1, HTTP/2 and HTTP/3 (QUIC). */
export const HTTP_VERSION = "http2and3";
/** Every method the API takes; CloudFront allows these as one set. */
export const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"];
/** The methods an origin group admits: CloudFront fails over only GET, HEAD and OPTIONS. */
export const FAILOVER_METHODS = ["GET", "HEAD", "OPTIONS"];
const CACHED_METHODS = ["GET", "HEAD"];
/** Origin ids inside the distribution. */
export const ORIGIN_IDS = {
  api: "api",
  apiFailingFast: "api-failing-fast",
  secondary: "secondary",
  group: "failover",
} as const;
/** CloudFront's vended log type for access logs (standard logging v2). */
const ACCESS_LOGS = "ACCESS_LOGS";

export interface EdgeOriginFailover {
  /** The secondary region's own origin name, e.g. `tokyo.origin.example.com`. */
  readonly secondaryDomainName: string;
  readonly connectionTimeoutSeconds: number;
  readonly connectionAttempts: number;
  readonly readTimeoutSeconds: number;
  /** Status codes of the primary that send a request to the secondary. */
  readonly statusCodes: readonly number[];
}

export interface EdgeDistributionProps {
  /** Name of the distribution's policies, ACL and logs, e.g. `genai-demo-production`. */
  readonly name: string;
  readonly account: AwsAccount;
  /** Region of the stack's provider: us-east-1, where CloudFront's certificate, ACL and logs live. */
  readonly region: string;
  /** The public zone the aliases go into. */
  readonly zoneId: string;
  /** The public names the edge answers for (A and AAAA aliases). */
  readonly aliases: readonly string[];
  /** An ACM certificate in us-east-1 covering every alias; the edge waits until it is issued. */
  readonly certificateArn: string;
  /** Its DNS validation records, which must exist before issuance can be awaited. */
  readonly certificateValidation: ITerraformDependable[];
  /** The API's origin: the regions' Route 53 failover name, every method, the long read timeout. */
  readonly api: { readonly domainName: string; readonly readTimeoutSeconds: number; readonly keepaliveSeconds: number };
  /**
   * The secondary region for idempotent paths (an origin group with tight timeouts).
   * @default - no origin group: every path goes to the API origin
   */
  readonly failover?: EdgeOriginFailover;
  /** Paths of static resources: cached `staticCacheSeconds`, compressed. */
  readonly staticPathPatterns: readonly string[];
  readonly staticCacheSeconds: number;
  /** Paths that only read: not cached, failed over like static ones. */
  readonly readOnlyPathPatterns: readonly string[];
  /**
   * A header added to every origin request, which the origins require (modules/origin-secret).
   * @default - none: the origins cannot tell the edge from anyone else
   */
  readonly originHeader?: { readonly name: string; readonly value: string };
  /** PriceClass_100, PriceClass_200 or PriceClass_All. */
  readonly priceClass: string;
  /** Requests per client IP per 5 minutes before WAF blocks it at the edge. */
  readonly wafRateLimitPer5Minutes: number;
  /** Days the access and WAF logs are kept. */
  readonly logRetentionDays: number;
  /**
   * How the module guards its log keys against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/** An HTTPS-only custom origin, TLS 1.2, with its timeouts. */
function httpsOrigin(
  id: string,
  domainName: string,
  timeouts: {
    readTimeoutSeconds: number;
    keepaliveSeconds?: number;
    connectionTimeoutSeconds?: number;
    connectionAttempts?: number;
  },
  header: { readonly name: string; readonly value: string } | undefined,
): CloudfrontDistributionOrigin {
  return {
    originId: id,
    domainName,
    customHeader: header === undefined ? undefined : [{ name: header.name, value: header.value }],
    connectionTimeout: timeouts.connectionTimeoutSeconds,
    connectionAttempts: timeouts.connectionAttempts,
    customOriginConfig: {
      httpPort: PORTS.http,
      httpsPort: PORTS.https,
      originProtocolPolicy: "https-only",
      originSslProtocols: ["TLSv1.2"],
      originReadTimeout: timeouts.readTimeoutSeconds,
      originKeepaliveTimeout: timeouts.keepaliveSeconds,
    },
  };
}

/**
 * The edge: one CloudFront distribution for the public names, in front of every region.
 * - The API (default behavior, every method) goes to the regions' Route 53 failover name, so
 *   every request follows the health-check failover; nothing is cached, every viewer header but
 *   Host, cookies and query strings pass.
 * - Static and read-only paths go to an origin group: the same failover name with tight
 *   timeouts, then the secondary region's own origin, so GET, HEAD and OPTIONS fail over within
 *   seconds on a configured status code or a timeout. Static ones are cached and compressed.
 * - TLS 1.2 (2021 ciphers) or 1.3 to viewers with an ACM certificate, HTTP/2 and HTTP/3, IPv6
 *   (A and AAAA aliases), security headers on every response, a CLOUDFRONT-scope WAF ACL, and
 *   access logs delivered to an encrypted log group that keeps them as configured.
 */
export class EdgeDistribution extends Construct {
  readonly distribution: CloudfrontDistribution;
  readonly webAcl: WebAcl;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: EdgeDistributionProps) {
    super(scope, id);
    this.webAcl = new WebAcl(this, "waf", {
      name: `${props.name}-edge`,
      protects: `the CloudFront distribution of ${props.name}`,
      scope: "CLOUDFRONT",
      region: props.region,
      account: props.account,
      ruleGroups: MANAGED_RULE_GROUPS,
      rateLimitPer5Minutes: props.wafRateLimitPer5Minutes,
      logRetentionDays: props.logRetentionDays,
      protection: props.protection,
    });
    const certificate = new AcmCertificateValidation(this, "certificate", {
      certificateArn: props.certificateArn,
      dependsOn: props.certificateValidation,
    });
    const staticPolicy = staticCachePolicy(this, props.name, props.staticCacheSeconds);
    const headers = securityHeadersPolicy(this, props.name);

    const { failover } = props;
    const header = props.originHeader;
    const origins = [httpsOrigin(ORIGIN_IDS.api, props.api.domainName, props.api, header)];
    if (failover !== undefined) {
      origins.push(
        httpsOrigin(ORIGIN_IDS.apiFailingFast, props.api.domainName, failover, header),
        httpsOrigin(ORIGIN_IDS.secondary, failover.secondaryDomainName, failover, header),
      );
    }
    const idempotentTarget = failover === undefined ? ORIGIN_IDS.api : ORIGIN_IDS.group;
    const idempotent = (
      pathPattern: string,
      cachePolicyId: string,
      originRequestPolicyId?: string,
    ): CloudfrontDistributionOrderedCacheBehavior => ({
      pathPattern,
      targetOriginId: idempotentTarget,
      allowedMethods: FAILOVER_METHODS,
      cachedMethods: CACHED_METHODS,
      cachePolicyId,
      originRequestPolicyId,
      responseHeadersPolicyId: headers.id,
      viewerProtocolPolicy: "redirect-to-https",
      compress: true,
    });

    this.distribution = new CloudfrontDistribution(this, "distribution", {
      comment: `Edge of ${props.name}`,
      enabled: true,
      aliases: [...props.aliases],
      priceClass: props.priceClass,
      httpVersion: HTTP_VERSION,
      isIpv6Enabled: true,
      webAclId: this.webAcl.webAcl.arn,
      viewerCertificate: {
        acmCertificateArn: certificate.certificateArn,
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: VIEWER_TLS_POLICY,
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      origin: origins,
      originGroup:
        failover === undefined
          ? undefined
          : [
              {
                originId: ORIGIN_IDS.group,
                failoverCriteria: { statusCodes: [...failover.statusCodes] },
                member: [{ originId: ORIGIN_IDS.apiFailingFast }, { originId: ORIGIN_IDS.secondary }],
              },
            ],
      defaultCacheBehavior: {
        targetOriginId: ORIGIN_IDS.api,
        allowedMethods: ALL_METHODS,
        cachedMethods: CACHED_METHODS,
        cachePolicyId: MANAGED_POLICY_IDS.cachingDisabled,
        originRequestPolicyId: MANAGED_POLICY_IDS.allViewerExceptHostHeader,
        responseHeadersPolicyId: headers.id,
        viewerProtocolPolicy: "redirect-to-https",
        compress: true,
      },
      orderedCacheBehavior: [
        ...props.staticPathPatterns.map((pattern) => idempotent(pattern, staticPolicy.id)),
        ...props.readOnlyPathPatterns.map((pattern) =>
          idempotent(pattern, MANAGED_POLICY_IDS.cachingDisabled, MANAGED_POLICY_IDS.allViewerExceptHostHeader),
        ),
      ],
      tags: { Name: props.name },
    });

    this.logGroup = this.accessLogs(props);
    for (const name of props.aliases) {
      for (const type of ["A", "AAAA"]) {
        new Route53Record(this, `alias-${type}-${name}`, {
          zoneId: props.zoneId,
          name,
          type,
          alias: {
            name: this.distribution.domainName,
            zoneId: this.distribution.hostedZoneId,
            evaluateTargetHealth: false,
          },
        });
      }
    }
  }

  /** Standard logging (v2): CloudFront delivers access logs to an encrypted log group. */
  private accessLogs(props: EdgeDistributionProps): EncryptedLogGroup {
    const logs = new EncryptedLogGroup(this, "access-logs", {
      name: `/aws/cloudfront/${props.name}`,
      keyAlias: `${props.name}-cloudfront-logs`,
      description: `CloudFront access logs of ${props.name}`,
      region: props.region,
      account: props.account,
      retentionInDays: props.logRetentionDays,
      protection: props.protection,
    });
    const source = new CloudwatchLogDeliverySource(this, "log-source", {
      name: `${props.name}-cloudfront`,
      logType: ACCESS_LOGS,
      resourceArn: this.distribution.arn,
    });
    const destination = new CloudwatchLogDeliveryDestination(this, "log-destination", {
      name: `${props.name}-cloudfront`,
      deliveryDestinationConfiguration: [{ destinationResourceArn: logs.logGroup.arn }],
    });
    new CloudwatchLogDelivery(this, "log-delivery", {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
    });
    return logs;
  }
}
