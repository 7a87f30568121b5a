/**
 * Check group: each service-linked role the stacks name (modules/shared/service-linked-role.ts)
 * is where the config says. The `global` stack creates every one the environment does not list
 * in `existingServiceLinkedRoles`; so a listed role must exist (a key policy naming a missing
 * principal is refused), and an unlisted one must not (creating a role that exists fails).
 */
import {
  LINKED_ROLE_SERVICES,
  type LinkedRoleService,
  SERVICE_LINKED_ROLES,
} from "../../modules/shared/service-linked-role";
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { GLOBAL_REGION, type Row, fail, guarded, pass } from "./row";

export const serviceLinkedRoleCheck = (service: LinkedRoleService) => `IAM role ${SERVICE_LINKED_ROLES[service]}`;

/** Where IAM keeps a service's linked roles. */
const linkedRolePath = (service: LinkedRoleService) => `/aws-service-role/${service}/`;

async function serviceLinkedRoleRow(
  service: LinkedRoleService,
  declared: boolean,
  clients: PreflightClients,
): Promise<Row> {
  const check = serviceLinkedRoleCheck(service);
  const role = await clients.iam.role(SERVICE_LINKED_ROLES[service]);
  if (role !== undefined && role.path !== linkedRolePath(service))
    return fail(
      check,
      GLOBAL_REGION,
      `exists at path ${role.path}, not ${linkedRolePath(service)}`,
      `rename or delete that role: ${service} needs the name for its own`,
    );
  if (declared)
    return role !== undefined
      ? pass(check, GLOBAL_REGION, "exists, as existingServiceLinkedRoles declares")
      : fail(
          check,
          GLOBAL_REGION,
          "declared in existingServiceLinkedRoles but absent",
          `remove "${service}" from existingServiceLinkedRoles so global creates it, ` +
            `or aws iam create-service-linked-role --aws-service-name ${service}`,
        );
  return role === undefined
    ? pass(check, GLOBAL_REGION, "absent: global creates it")
    : fail(
        check,
        GLOBAL_REGION,
        "exists already: global's create would fail",
        `add "${service}" to existingServiceLinkedRoles`,
      );
}

/** `iam:GetRole` for each service-linked role the stacks rely on. */
export async function serviceLinkedRoles(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const declared = new Set<string>(config.existingServiceLinkedRoles);
  const rows = LINKED_ROLE_SERVICES.map((service) =>
    guarded(serviceLinkedRoleCheck(service), GLOBAL_REGION, "iam:GetRole", () =>
      serviceLinkedRoleRow(service, declared.has(service), clients),
    ),
  );
  return (await Promise.all(rows)).flat();
}
