/**
 * The Terraform Cloud (or Enterprise) API as {@link TerraformCloudReads}: GET requests with the
 * token Terraform itself would use for the host, read from `TF_TOKEN_<host>`.
 */
import type { TerraformCloudReads } from "./clients";

/** Where the `cloud` block points when the config names no hostname. */
export const DEFAULT_TERRAFORM_CLOUD_HOST = "app.terraform.io";
const HTTP_OK = 200;
const HTTP_NOT_FOUND = 404;

/**
 * The variable Terraform reads a host's token from: `TF_TOKEN_` and the host with dots as `_` and
 * dashes as `__` (https://developer.hashicorp.com/terraform/cli/config/config-file#environment-variable-credentials).
 */
export function tokenVariable(hostname: string): string {
  return `TF_TOKEN_${hostname.replaceAll("-", "__").replaceAll(".", "_")}`;
}

type Fetch = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** The names in a JSON:API list answer (`{ data: [{ attributes: { name } }] }`). */
function listedNames(body: unknown): string[] {
  const data = (body as { data?: { attributes?: { name?: string } }[] } | undefined)?.data ?? [];
  return data.map((item) => item.attributes?.name ?? "");
}

/**
 * The API of `hostname`, or undefined when `env` holds no token for it. `fetch` is injectable
 * for tests; the default is Node's. An answer other than 200 or 404 (401: a bad token) throws.
 */
export function terraformCloudReads(
  hostname: string,
  env: NodeJS.ProcessEnv = process.env,
  fetchImpl: Fetch = fetch,
): TerraformCloudReads | undefined {
  const token = env[tokenVariable(hostname)];
  if (token === undefined || token === "") return undefined;
  /** The answer's body, or undefined for a 404: the API's answer both for a missing object and for one the token may not see. */
  const get = async (path: string): Promise<unknown> => {
    const url = `https://${hostname}/api/v2/${path}`;
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/vnd.api+json" },
    });
    if (response.status === HTTP_OK) return response.json();
    if (response.status === HTTP_NOT_FOUND) return undefined;
    throw new Error(`GET ${url} answered ${response.status}`);
  };
  const segment = encodeURIComponent;
  return {
    organization: async (organization) => (await get(`organizations/${segment(organization)}`)) !== undefined,
    // Projects have no by-name endpoint: search, then match the name exactly.
    project: async (organization, project) =>
      listedNames(await get(`organizations/${segment(organization)}/projects?q=${segment(project)}`)).includes(project),
    workspace: async (organization, workspace) =>
      (await get(`organizations/${segment(organization)}/workspaces/${segment(workspace)}`)) !== undefined,
  };
}
