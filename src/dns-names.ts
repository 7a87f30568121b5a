/**
 * The public names of the platform, computed from the domain and region keys alone, so the
 * global and regional stacks agree on them without reading each other.
 */

/** The API's public name: what users and the public canary call. */
export function apiName(domain: string): string {
  return `api.${domain}`;
}

/** The names users call: the API, the apex and www. */
export function publicNames(domain: string): string[] {
  return [apiName(domain), domain, `www.${domain}`];
}

/**
 * The regions' failover name behind the edge: CloudFront's API origin. Health-check failover
 * decides which region answers it, as it decides the public names when there is no edge.
 */
export function failoverOriginName(domain: string): string {
  return `origin.${domain}`;
}

/**
 * Names that fail over between regions: the public names themselves without an edge; with one,
 * they point at CloudFront and only its origin name fails over.
 */
export function routedNames(domain: string, behindEdge = false): string[] {
  return behindEdge ? [failoverOriginName(domain)] : publicNames(domain);
}

/** The name answered by the closest healthy region. */
export function latencyName(domain: string): string {
  return `api-latency.${domain}`;
}

/**
 * One region's own name, an alias to its ALB. Health checks target it, never a routed name:
 * a check on the record it guards would follow the failover and check the wrong region.
 */
export function originName(regionKey: string, domain: string): string {
  return `${regionKey}.origin.${domain}`;
}

/**
 * What one region's certificate covers: every public name, the failover name the edge connects
 * to (CloudFront sends it as SNI), and the region's own origin.
 */
export function regionCertificateNames(domain: string, regionKey: string): string[] {
  return [
    domain,
    `www.${domain}`,
    `api.${domain}`,
    latencyName(domain),
    failoverOriginName(domain),
    originName(regionKey, domain),
  ];
}

/** Every name any region's certificate covers, each once: the validation records to publish. */
export function allCertificateNames(domain: string, regionKeys: string[]): string[] {
  return [...new Set(regionKeys.flatMap((key) => regionCertificateNames(domain, key)))];
}
