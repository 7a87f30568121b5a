import type { AwsAccount } from "./aws-account";

/**
 * Service-linked roles the stacks name in a key policy or trust, by the service that owns them.
 * AWS creates such a role on the service's first use in an account, so a fresh account lacks it
 * until then, and KMS refuses a key policy naming a principal that does not exist ("contains one
 * or more invalid principals"). The `global` stack therefore creates each one, unless the
 * environment declares it as already existing (`existingServiceLinkedRoles`).
 */
export const SERVICE_LINKED_ROLES = {
  // "Service-linked roles for Amazon EC2 Auto Scaling",
  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html
  "autoscaling.amazonaws.com": "AWSServiceRoleForAutoScaling",
} as const;
export type LinkedRoleService = keyof typeof SERVICE_LINKED_ROLES;
export const LINKED_ROLE_SERVICES = Object.keys(SERVICE_LINKED_ROLES) as LinkedRoleService[];

/** `arn:<partition>:iam::<account>:role/aws-service-role/<service>/<role name>`. */
export function serviceLinkedRoleArn(account: AwsAccount, service: LinkedRoleService): string {
  return `arn:${account.partition}:iam::${account.id}:role/aws-service-role/${service}/${SERVICE_LINKED_ROLES[service]}`;
}
