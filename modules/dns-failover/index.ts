/**
 * DNS failover between the regions. The `global` stack owns the health checks of every
 * region's origin name, their alarms, and the certificates' validation records; each regional
 * stack owns its origin record and its own member of every failover and latency record.
 */
export { DnsFailover, HEALTH_CHECK_PATH, HEALTH_CHECK_SEARCH_STRING } from "./health-checks";
export type { DnsFailoverProps, FailoverRegion } from "./health-checks";
export { FailoverMember, SingleRegionRecords } from "./member";
export type { AliasTarget, FailoverMemberProps } from "./member";
export { CertificateValidationRecords } from "./validation-records";
export type { CertificateValidationRecordsProps } from "./validation-records";
