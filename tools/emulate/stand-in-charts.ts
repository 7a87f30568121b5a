/**
 * Stand-in charts: the add-on charts of the stacks (load balancer controller, cluster autoscaler,
 * metrics server) live in repositories this machine cannot reach. The emulated deploy serves, from
 * a loopback chart repository, a chart of the same name and version for each, which renders one
 * ConfigMap holding the values it was given: the release is really installed (its values render,
 * its namespace exists, Helm's wait passes), but the add-on's own objects are not there. Every run
 * says so and counts these releases apart.
 */
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import type { StackDocument } from "./overrides";
import { run } from "./run";

export interface RemoteChart {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
}

/** `helm_release.<name>` -> the chart it installs, for every release from an http(s) repository. */
export function remoteCharts(document: StackDocument): Map<string, RemoteChart> {
  const found = new Map<string, RemoteChart>();
  for (const [name, release] of Object.entries(document.resource?.helm_release ?? {})) {
    const { repository, chart, version } = release as { repository?: string; chart?: string; version?: string };
    if (repository === undefined || !/^https?:\/\//.test(repository)) continue;
    if (chart === undefined || version === undefined)
      throw new Error(`helm_release.${name}: a chart from ${repository} needs chart and version to stand in for it`);
    found.set(`helm_release.${name}`, { repository, chart, version });
  }
  return found;
}

/** The repository's path on the loopback server: its host and path, in characters a URL path keeps. */
export const repositorySlug = (repository: string) =>
  repository
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "")
    .replace(/[^A-Za-z0-9.-]+/g, "_");

const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-stand-in
  namespace: {{ .Release.Namespace }}
  labels:
    app.kubernetes.io/managed-by: {{ .Release.Service }}
    genai-demo.emulation/stand-in: "true"
data:
  stands-in-for: {{ printf "%s %s from %s" .Chart.Name .Chart.Version .Values._standInFor | quote }}
  values.yaml: |
{{ toYaml (omit .Values "_standInFor") | indent 4 }}
`;

export interface StandInRepository {
  /** The loopback URL that serves the stand-ins of `repository`. */
  url(repository: string): string;
  close(): void;
}

/** Packages a stand-in for each chart under `dir` and serves them on loopback. */
export async function serveStandInCharts(
  helm: string,
  dir: string,
  charts: readonly RemoteChart[],
): Promise<StandInRepository> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = createServer((incoming, outgoing) => {
    const path = normalize(decodeURIComponent((incoming.url ?? "/").split("?")[0]!));
    try {
      outgoing.writeHead(200).end(readFileSync(join(dir, "served", path)));
    } catch {
      outgoing.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const unique = new Map(charts.map((chart) => [`${chart.repository} ${chart.chart} ${chart.version}`, chart]));
  for (const chart of unique.values()) {
    const source = join(dir, "source", repositorySlug(chart.repository), `${chart.chart}-${chart.version}`);
    mkdirSync(join(source, "templates"), { recursive: true });
    writeFileSync(
      join(source, "Chart.yaml"),
      [
        "apiVersion: v2",
        `name: ${chart.chart}`,
        `version: ${chart.version}`,
        `description: Emulation stand-in of ${chart.chart} ${chart.version} from ${chart.repository}`,
        "",
      ].join("\n"),
    );
    writeFileSync(join(source, "values.yaml"), `_standInFor: ${JSON.stringify(chart.repository)}\n`);
    writeFileSync(join(source, "templates", "configmap.yaml"), TEMPLATE);
    const served = join(dir, "served", repositorySlug(chart.repository));
    mkdirSync(served, { recursive: true });
    const packaged = await run(helm, ["package", source, "--destination", served], { timeoutSeconds: 60 });
    if (packaged.code !== 0) throw new Error(`packaging the stand-in of ${chart.chart} failed: ${packaged.stderr}`);
  }
  for (const repository of new Set(charts.map((chart) => chart.repository))) {
    const slug = repositorySlug(repository);
    const indexed = await run(helm, ["repo", "index", join(dir, "served", slug), "--url", `${base}/${slug}`], {
      timeoutSeconds: 60,
    });
    if (indexed.code !== 0) throw new Error(`indexing the stand-ins of ${repository} failed: ${indexed.stderr}`);
  }
  return { url: (repository) => `${base}/${repositorySlug(repository)}`, close: () => server.close() };
}
