/**
 * A real Kubernetes API for one emulated region, so the Helm releases and Kubernetes objects of a
 * regional stack are applied, not left out: kube-apiserver (with the PodSecurity admission plugin,
 * as on EKS), kube-controller-manager (ServiceAccounts, ReplicaSets, namespace deletion),
 * kube-scheduler, kine (etcd's API over memory) and kwok, which plays the nodes of the stack's node
 * groups and marks scheduled pods Ready. What kwok fakes: no image is pulled, no container runs,
 * no probe is sent, no Service carries traffic.
 *
 * Everything listens on loopback ports of its own, so several regions (and environments) run side
 * by side; certificates come from openssl and the only user is a static-token admin.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import type { Tools } from "../tools-cache";
import type { StackDocument } from "./overrides";
import { freePort } from "./run";

/** The Service CIDR of the emulated clusters; its first address is the API's own Service. */
const SERVICE_CIDR = "10.0.0.0/24";
const API_SERVICE_IP = "10.0.0.1";
/** How long each component may take to answer before the run fails. */
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 250;
/** How long a node may go without a heartbeat before the node controller marks it NotReady. */
const NODE_MONITOR_GRACE_SECONDS = 600;

/**
 * What kwok's nodes report, per instance type the environments use: vCPUs and memory of the EC2
 * instance type, pods from the VPC CNI's max-pods table (ENIs x (IPv4 per ENI - 1) + 2; source:
 * aws/amazon-vpc-cni-k8s, misc/eni-max-pods.txt). An instance type missing here stops the run:
 * add it rather than guess.
 */
export const NODE_CAPACITY: Readonly<Record<string, { cpu: number; memoryGiB: number; pods: number }>> = {
  "t3.medium": { cpu: 2, memoryGiB: 4, pods: 17 },
  "t3.large": { cpu: 2, memoryGiB: 8, pods: 35 },
  "t3a.large": { cpu: 2, memoryGiB: 8, pods: 35 },
  "m5.large": { cpu: 2, memoryGiB: 8, pods: 29 },
  "m6i.large": { cpu: 2, memoryGiB: 8, pods: 29 },
};

/** One EKS managed node group, as the fake nodes should look. */
export interface NodePool {
  readonly name: string;
  readonly count: number;
  readonly instanceType: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly { key: string; value?: string; effect: string }[];
}

/** The parts of Kubernetes API objects the emulation reads. */
export interface ApiObject {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec?: {
    readonly minReplicas?: number;
    readonly replicas?: number;
    readonly scaleTargetRef?: { readonly kind: string; readonly name: string };
  };
  readonly status?: {
    readonly conditions?: readonly { readonly type: string; readonly status: string }[];
    readonly readyReplicas?: number;
  };
  readonly items?: readonly ApiObject[];
  readonly reason?: string;
  readonly message?: string;
  readonly involvedObject?: { readonly name?: string; readonly namespace?: string };
}

export interface KubeCluster {
  /** `https://127.0.0.1:<port>`. */
  readonly host: string;
  /** PEM of the CA that signed the API's serving certificate. */
  readonly caCertificate: string;
  /** A static token of a `system:masters` user. */
  readonly token: string;
  /** One call to the API as that user; the body is parsed JSON (or undefined). */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body?: ApiObject }>;
  stop(): void;
  /** Every component's output, for the work directory. */
  log(): string;
}

const hasCondition = (object: ApiObject, type: string) =>
  (object.status?.conditions ?? []).some((condition) => condition.type === type && condition.status === "True");

/** Runs openssl; throws with its output when it fails. */
function openssl(cwd: string, args: string[]): void {
  const result = spawnSync("openssl", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

/** A CA, the API's serving certificate (loopback and in-cluster names) and the ServiceAccount key pair. */
function writeCertificates(pki: string): void {
  mkdirSync(pki, { recursive: true });
  const names = ["kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"];
  writeFileSync(
    join(pki, "san.cnf"),
    `subjectAltName=IP:127.0.0.1,IP:${API_SERVICE_IP},DNS:localhost,${names.map((name) => `DNS:${name}`).join(",")}\n`,
  );
  openssl(
    pki,
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt"].concat([
      "-days",
      "2",
      "-subj",
      "/CN=emulated-cluster-ca",
    ]),
  );
  openssl(
    pki,
    ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "apiserver.key", "-out", "apiserver.csr"].concat([
      "-subj",
      "/CN=kube-apiserver",
    ]),
  );
  openssl(
    pki,
    ["x509", "-req", "-in", "apiserver.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial"].concat([
      "-out",
      "apiserver.crt",
      "-days",
      "2",
      "-extfile",
      "san.cnf",
    ]),
  );
  openssl(pki, ["genrsa", "-out", "service-account.key", "2048"]);
  openssl(pki, ["rsa", "-in", "service-account.key", "-pubout", "-out", "service-account.pub"]);
}

function kubeconfig(host: string, caFile: string, token: string): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "emulated", cluster: { server: host, "certificate-authority": caFile } }],
    users: [{ name: "admin", user: { token } }],
    contexts: [{ name: "emulated", context: { cluster: "emulated", user: "admin" } }],
    "current-context": "emulated",
  });
}

/** A Node object as kwok then keeps Ready: labels and taints of its node group, capacity of its type. */
export function nodeObject(pool: NodePool, index: number): Record<string, unknown> {
  const capacity = NODE_CAPACITY[pool.instanceType];
  if (capacity === undefined)
    throw new Error(
      `node group ${pool.name}: instance type ${pool.instanceType} has no entry in NODE_CAPACITY (tools/emulate/kube.ts)`,
    );
  const resources = { cpu: String(capacity.cpu), memory: `${capacity.memoryGiB}Gi`, pods: String(capacity.pods) };
  const name = `${pool.name}-${index}`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        ...pool.labels,
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "node.kubernetes.io/instance-type": pool.instanceType,
        "eks.amazonaws.com/nodegroup": pool.name,
        type: "kwok",
      },
      annotations: { "kwok.x-k8s.io/node": "fake" },
    },
    spec: { taints: pool.taints.map((taint) => ({ ...taint })) },
    status: { capacity: resources, allocatable: resources },
  };
}

/** Starts the whole cluster in `dir` (removed again by stop()); resolves once the nodes are Ready. */
export async function startKubeCluster(
  tools: Tools,
  dir: string,
  pools: readonly NodePool[],
  fixtures: readonly Record<string, unknown>[] = [],
): Promise<KubeCluster> {
  const bin = (name: string) => join(tools.kubernetes.dir, name);
  rmSync(dir, { recursive: true, force: true });
  const pki = join(dir, "pki");
  writeCertificates(pki);
  const token = randomBytes(24).toString("hex");
  writeFileSync(join(dir, "tokens.csv"), `${token},admin,admin-uid,system:masters\n`);
  const [storagePort, apiPort] = [await freePort(), await freePort()];
  const host = `https://127.0.0.1:${apiPort}`;
  const caCertificate = readFileSync(join(pki, "ca.crt"), "utf8");
  writeFileSync(join(dir, "kubeconfig"), kubeconfig(host, join(pki, "ca.crt"), token));

  const processes: { name: string; child: ChildProcess }[] = [];
  let output = "";
  const launch = (name: string, args: string[]) => {
    const child = spawn(bin(name), args, { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => (output += chunk.toString().replace(/^/gm, `[${name}] `));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    processes.push({ name, child });
  };
  const stop = () => {
    for (const { child } of [...processes].reverse()) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const request = (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; body?: ApiObject }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const call = httpsRequest(
        `${host}${path}`,
        {
          method,
          ca: caCertificate,
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(payload === undefined ? {} : { "content-type": "application/json" }),
          },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => {
            let parsed: ApiObject | undefined;
            try {
              parsed = text === "" ? undefined : (JSON.parse(text) as ApiObject);
            } catch {
              parsed = { message: text };
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      call.on("error", reject);
      call.end(payload);
    });
  const waitFor = async (what: string, ready: () => Promise<boolean>) => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const crashed = processes.find(({ child }) => child.exitCode !== null);
      if (crashed !== undefined)
        throw new Error(`${crashed.name} exited while waiting for ${what}:\n${output.slice(-3000)}`);
      if (await ready().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  try {
    launch("kine", [`--listen-address=127.0.0.1:${storagePort}`, "--endpoint=memory://", "--metrics-bind-address=0"]);
    launch("kube-apiserver", [
      `--etcd-servers=http://127.0.0.1:${storagePort}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${join(pki, "apiserver.crt")}`,
      `--tls-private-key-file=${join(pki, "apiserver.key")}`,
      `--client-ca-file=${join(pki, "ca.crt")}`,
      `--token-auth-file=${join(dir, "tokens.csv")}`,
      `--service-account-key-file=${join(pki, "service-account.pub")}`,
      `--service-account-signing-key-file=${join(pki, "service-account.key")}`,
      "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      "--authorization-mode=Node,RBAC",
      // As on EKS: privileged pods are allowed by the API server, and refused (or not) by the
      // namespace's PodSecurity level. The default (false) would refuse them for the wrong reason.
      "--allow-privileged=true",
      // EKS enables PodSecurity (and the namespaces' labels choose the level), as here.
      "--enable-admission-plugins=NodeRestriction,PodSecurity",
      // A loopback address is not allowed in the `kubernetes` Service's Endpoints.
      "--endpoint-reconciler-type=none",
    ]);
    await waitFor("the API server", async () => (await request("GET", "/readyz")).status === 200);
    const kubeconfigFile = join(dir, "kubeconfig");
    const common = [
      `--kubeconfig=${kubeconfigFile}`,
      "--leader-elect=false",
      "--bind-address=127.0.0.1",
      "--secure-port=0",
    ];
    launch("kube-controller-manager", [
      ...common,
      // kwok's heartbeat comes every 20-45 s, and a loaded 2-core machine delays it further: a
      // node marked NotReady would take its pods' readiness with it for good.
      `--node-monitor-grace-period=${NODE_MONITOR_GRACE_SECONDS}s`,
      `--service-account-private-key-file=${join(pki, "service-account.key")}`,
      `--root-ca-file=${join(pki, "ca.crt")}`,
    ]);
    launch("kube-scheduler", common);
    launch("kwok", [
      `--kubeconfig=${kubeconfigFile}`,
      "--manage-all-nodes=true",
      `--config=${join(tools.kubernetes.dir, "kwok-stages.yaml")}`,
    ]);
    for (const fixture of fixtures) {
      const created = await request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", fixture);
      if (created.status !== 201)
        throw new Error(`creating fixture failed: ${created.status} ${JSON.stringify(created.body)}`);
    }
    const nodes = pools.flatMap((pool) => Array.from({ length: pool.count }, (_, index) => nodeObject(pool, index)));
    for (const node of nodes) {
      const created = await request("POST", "/api/v1/nodes", node);
      if (created.status !== 201)
        throw new Error(`creating a node failed: ${created.status} ${JSON.stringify(created.body)}`);
    }
    await waitFor("the fake nodes to be Ready", async () => {
      const listed = (await request("GET", "/api/v1/nodes")).body?.items ?? [];
      const ready = listed.filter((node) => hasCondition(node, "Ready"));
      return ready.length === nodes.length;
    });
    for (const fixture of fixtures) {
      const name = (fixture.metadata as { name: string }).name;
      await waitFor(`the ${name} definition`, async () => {
        const read = await request("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        return read.body !== undefined && hasCondition(read.body, "Established");
      });
    }
    await waitFor(
      "the default ServiceAccount",
      async () => (await request("GET", "/api/v1/namespaces/default/serviceaccounts/default")).status === 200,
    );
  } catch (error) {
    stop();
    throw error;
  }
  return { host, caCertificate, token, request, stop, log: () => output };
}

/** Whether a stack needs a Kubernetes API: it configures the helm or kubernetes provider. */
export function needsKubernetes(document: StackDocument): boolean {
  return (document.provider?.helm ?? []).length > 0 || (document.provider?.kubernetes ?? []).length > 0;
}

/** The stack's EKS managed node groups as fake node pools: desired size, first instance type, labels, taints. */
export function nodePools(document: StackDocument): NodePool[] {
  return Object.entries(document.resource?.aws_eks_node_group ?? {}).map(([name, group]) => {
    const { scaling_config, instance_types, labels, taint } = group as {
      scaling_config?: { desired_size?: number };
      instance_types?: string[];
      labels?: Record<string, string>;
      taint?: { key: string; value?: string; effect: string }[];
    };
    const effects: Record<string, string> = {
      NO_SCHEDULE: "NoSchedule",
      NO_EXECUTE: "NoExecute",
      PREFER_NO_SCHEDULE: "PreferNoSchedule",
    };
    return {
      name: String((group as { node_group_name?: string }).node_group_name ?? name)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-"),
      count: scaling_config?.desired_size ?? 1,
      instanceType: instance_types?.[0] ?? "t3.medium",
      labels: labels ?? {},
      taints: (taint ?? []).map((t) => ({
        key: t.key,
        ...(t.value === undefined ? {} : { value: t.value }),
        effect: effects[t.effect] ?? t.effect,
      })),
    };
  });
}

/** A Deployment scaled by an HPA: its replicas and Ready pods against the HPA's minimum. */
export interface Readiness {
  readonly deployment: string;
  readonly replicas: number;
  readonly ready: number;
  readonly minimum: number;
}

/** How long a Deployment may take, after Helm's wait, to have all its replicas Ready. */
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Every HPA-scaled Deployment of the cluster with its replicas, Ready pods and the HPA's minimum.
 * Helm's wait accepts a Deployment once `replicas - maxUnavailable` pods are Ready, so each is
 * given up to a minute more to have all its replicas Ready.
 */
export async function hpaReadiness(cluster: KubeCluster): Promise<Readiness[]> {
  const autoscalers = (await cluster.request("GET", "/apis/autoscaling/v2/horizontalpodautoscalers")).body?.items ?? [];
  const found: Readiness[] = [];
  for (const hpa of autoscalers) {
    const target = hpa.spec?.scaleTargetRef;
    if (target?.kind !== "Deployment") continue;
    const path = `/apis/apps/v1/namespaces/${hpa.metadata?.namespace}/deployments/${target.name}`;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let deployment = (await cluster.request("GET", path)).body;
    while ((deployment?.status?.readyReplicas ?? 0) < (deployment?.spec?.replicas ?? 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      deployment = (await cluster.request("GET", path)).body;
    }
    found.push({
      deployment: `${hpa.metadata?.namespace}/${target.name}`,
      replicas: deployment?.spec?.replicas ?? 1,
      ready: deployment?.status?.readyReplicas ?? 0,
      minimum: hpa.spec?.minReplicas ?? 1,
    });
  }
  return found;
}

/** What the PodSecurity admission refused (FailedCreate events): one message per owner (ReplicaSet, Job, ...). */
export async function podSecurityRefusals(cluster: KubeCluster): Promise<string[]> {
  const events = (await cluster.request("GET", "/api/v1/events")).body?.items ?? [];
  const byOwner = new Map<string, string>();
  for (const event of events) {
    if (event.reason !== "FailedCreate" || !/violates PodSecurity/.test(event.message ?? "")) continue;
    const owner = `${event.involvedObject?.namespace}/${event.involvedObject?.name}`;
    if (!byOwner.has(owner)) byOwner.set(owner, `${owner}: ${event.message}`);
  }
  return [...byOwner.values()];
}
