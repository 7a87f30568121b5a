import { describe, expect, it } from "vitest";
import { terraformCloudReads, tokenVariable } from "../../../tools/preflight/terraform-cloud";

/** A fetch that answers `status` and `body` per URL, recording the requests. */
function fakeFetch(answers: Record<string, { status: number; body?: unknown }>) {
  const requests: { url: string; authorization: string | undefined }[] = [];
  const fetchImpl = async (url: string, init: { headers: Record<string, string> }) => {
    requests.push({ url, authorization: init.headers.authorization });
    const answer = answers[url] ?? { status: 404 };
    return { status: answer.status, json: async () => answer.body };
  };
  return { fetchImpl, requests };
}

describe("tokenVariable", () => {
  it("encodes the host as Terraform does: dots as _, dashes as __", () => {
    expect(tokenVariable("app.terraform.io")).toBe("TF_TOKEN_app_terraform_io");
    expect(tokenVariable("tfe.my-corp.example")).toBe("TF_TOKEN_tfe_my__corp_example");
  });
});

describe("terraformCloudReads", () => {
  const API = "https://app.terraform.io/api/v2";

  it("is undefined without a token for the host", () => {
    expect(terraformCloudReads("app.terraform.io", {})).toBeUndefined();
    expect(terraformCloudReads("app.terraform.io", { TF_TOKEN_other_host: "t" })).toBeUndefined();
  });

  it("reads with the host's token: 200 is found, 404 is not", async () => {
    const { fetchImpl, requests } = fakeFetch({ [`${API}/organizations/acme`]: { status: 200, body: {} } });
    const api = terraformCloudReads("app.terraform.io", { TF_TOKEN_app_terraform_io: "secret" }, fetchImpl)!;
    expect(await api.organization("acme")).toBe(true);
    expect(await api.workspace("acme", "genai-global")).toBe(false);
    expect(requests).toEqual([
      { url: `${API}/organizations/acme`, authorization: "Bearer secret" },
      { url: `${API}/organizations/acme/workspaces/genai-global`, authorization: "Bearer secret" },
    ]);
  });

  it("finds a project by its exact name among the search results", async () => {
    const { fetchImpl } = fakeFetch({
      [`${API}/organizations/acme/projects?q=platform`]: {
        status: 200,
        body: { data: [{ attributes: { name: "platform-old" } }, { attributes: { name: "platform" } }] },
      },
      [`${API}/organizations/acme/projects?q=plat`]: {
        status: 200,
        body: { data: [{ attributes: { name: "platform" } }] },
      },
    });
    const api = terraformCloudReads("app.terraform.io", { TF_TOKEN_app_terraform_io: "t" }, fetchImpl)!;
    expect(await api.project("acme", "platform")).toBe(true);
    expect(await api.project("acme", "plat")).toBe(false);
  });

  it("throws on any other answer (401: a bad token)", async () => {
    const { fetchImpl } = fakeFetch({ [`${API}/organizations/acme`]: { status: 401 } });
    const api = terraformCloudReads("app.terraform.io", { TF_TOKEN_app_terraform_io: "t" }, fetchImpl)!;
    await expect(api.organization("acme")).rejects.toThrow(/answered 401/);
  });
});
