#!/usr/bin/env bash
# Makes the real validators available, idempotently, under a cache outside the repository
# (default ~/.cache/genai-demo; override with GENAI_TOOLS_CACHE):
#
#   terraform   .terraform-version if such a binary is on PATH, else OpenTofu built from its Go module
#               (GENAI_TERRAFORM=opentofu forces OpenTofu)
#   providers   hashicorp/aws, kubernetes, helm built from their Go modules into a filesystem
#               mirror, with a CLI config so `init -backend=false` needs no registry; hashicorp/tfe
#               too (only the Terraform Cloud variant needs it) when the Go module proxy serves it
#   checkov, kubernetes-validate   from PyPI, pinned, in a virtual environment
#   moto        the emulator of npm run emulate, from PyPI, pinned, in a virtual environment of its
#               own (checkov pins a botocore too old to know ap-east-2, and moto's regions come
#               from botocore)
#   helm        built from its Go module, pinned
#   kubernetes  kube-apiserver, kube-controller-manager and kube-scheduler (k8s.io/kubernetes),
#               kine (etcd in memory) and kwok (fake nodes and pod status), from their Go modules:
#               the Kubernetes API npm run emulate starts per region for the Helm releases
#
# A full run ends by writing tools.json (paths and versions) into the cache (read by tools/tools-cache.ts).
# Only package registries are used: the Go module proxy and PyPI. Nothing is committed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${GENAI_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/genai-demo}
mkdir -p "$cache/bin" "$cache/stamps" "$cache/build"

OPENTOFU_VERSION=v1.11.0
HELM_VERSION=v3.19.2
CHECKOV_VERSION=3.3.30
KUBERNETES_VALIDATE_VERSION=1.37.0
# tools/emulate/moto_patches/ is written against this exact version.
MOTO_VERSION=5.2.5
# moto's regions come from botocore: this one knows ap-east-2 (Taipei).
BOTOCORE_VERSION=1.44.8
# The emulator's CloudWatch adapter decodes and encodes Smithy RPC v2 CBOR with it.
CBOR2_VERSION=5.7.1

# The Kubernetes API of the emulated regions (tools/emulate/kube.ts). The minor is the EKS version
# the environments run (environments/*: eks.version), so admission behaves as it will there.
KUBERNETES_VERSION=v1.34.4
KINE_VERSION=v0.17.5
KWOK_VERSION=v0.8.0

# The Go module proxy serves these providers only as pseudo-versions of their untagged (v2+
# without /vN) modules, and refuses the exact release tags our @cdktf/provider-* packages wrap
# (aws 6.25.0, kubernetes 2.38.0, helm 3.1.1). We build the snapshot it does serve and record
# both versions; tools/validate points the copies it validates at the built version.
#   name | module | pseudo-version served by the proxy | release it contains | version our bindings pin
PROVIDERS=(
  "aws|github.com/hashicorp/terraform-provider-aws|v1.60.1-0.20260602190131-5f2286d6d836|6.47.10|6.25.0"
  "kubernetes|github.com/hashicorp/terraform-provider-kubernetes|v1.13.4-0.20260821094251-3a33fb6cc605|3.2.1|2.38.0"
  "helm|github.com/hashicorp/terraform-provider-helm|v1.3.3-0.20260629194918-a4f1c1d8b008|3.2.0|3.1.1"
  # A v0 module with ordinary release tags: the exact release @cdktf/provider-tfe 12.5.1 was
  # generated for (its constraint is ~> 0.33).
  "tfe|github.com/hashicorp/terraform-provider-tfe|v0.71.0|0.71.0|0.71.0"
)
# Providers only the Terraform Cloud variant needs (the terraform-cloud stack): when the Go module
# proxy refuses their module version, the install goes on and says so, and tools.json lists them
# under unavailableProviders with the proxy's answer; npm run validate then fails every stack that
# requires one as "not validated". A build failure of a module the proxy does serve stays fatal.
OPTIONAL_PROVIDERS=(tfe)

# Tools, not debuggable binaries: no DWARF from the compiler either (-ldflags -w drops it only at
# link time), which trims the cold build of the AWS provider.
GO_BUILD_FLAGS=-gcflags=all=-dwarf=false

log() { printf '[install-validators] %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$(($(date +%s) - $1))"; }

# Builds package $3 of module $1@$2 into $4 from a throwaway wrapper module that repeats the
# module's own `replace` lines (go install ignores them, and some modules need them to build).
go_build_from_module() {
  local module=$1 version=$2 package=$3 output=$4
  local started wrapper gomod
  started=$(date +%s)
  wrapper="$cache/build/$(basename "$output")-$version"
  rm -rf "$wrapper" && mkdir -p "$wrapper"
  gomod=$(go mod download -json "$module@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')
  (
    cd "$wrapper"
    printf 'module genai-demo.local/build\n\ngo %s\n' "$(go env GOVERSION | sed 's/^go//')" > go.mod
    go mod edit -require="$module@$version"
    go mod edit -json "$gomod" | python3 -c '
import json, sys
for r in json.load(sys.stdin).get("Replace") or []:
    old = r["Old"]["Path"] + ("@" + r["Old"]["Version"] if r["Old"].get("Version") else "")
    new = r["New"]["Path"] + ("@" + r["New"]["Version"] if r["New"].get("Version") else "")
    if r["New"]["Path"].startswith("."):
        print(f"skipping local replace {old} => {new}", file=sys.stderr)
        continue
    print(f"-replace={old}={new}")
' | xargs -r go mod edit
    GOFLAGS=-mod=mod go build $GO_BUILD_FLAGS -ldflags "-s -w" -o "$output" "$package"
  )
  rm -rf "$wrapper"
  log "built $(basename "$output") from $module@$version in $(elapsed "$started")"
}

install_terraform() {
  local wanted
  wanted=$(tr -d '[:space:]' < "$repo/.terraform-version")
  # GENAI_TERRAFORM=opentofu forces the fallback, to exercise what a clean machine does.
  if [ "${GENAI_TERRAFORM:-}" != opentofu ] && command -v terraform > /dev/null && terraform version -json 2> /dev/null |
    python3 -c "import json,sys; sys.exit(json.load(sys.stdin)['terraform_version'] != '$wanted')"; then
    terraform_bin=$(command -v terraform)
    terraform_name="terraform $wanted"
    log "using $terraform_bin (Terraform $wanted, as .terraform-version asks)"
    return
  fi
  terraform_bin="$cache/bin/tofu-$OPENTOFU_VERSION"
  terraform_name="opentofu ${OPENTOFU_VERSION#v}"
  if [ -x "$terraform_bin" ]; then
    log "using cached OpenTofu $OPENTOFU_VERSION (no terraform $wanted on PATH)"
  else
    log "no terraform $wanted on PATH: building OpenTofu $OPENTOFU_VERSION from its Go module"
    go_build_from_module github.com/opentofu/opentofu "$OPENTOFU_VERSION" github.com/opentofu/opentofu/cmd/tofu "$terraform_bin"
  fi
}

# Prints why the Go module proxy will not serve module $1 at version $2 (its error on one line), or
# nothing when it serves it.
proxy_refusal() {
  { go mod download -json "$1@$2" 2> /dev/null || true; } | python3 -c '
import json, sys
try:
    error = json.load(sys.stdin).get("Error", "")
except ValueError:
    error = "go mod download printed no JSON"
print(" ".join(line.strip() for line in error.splitlines()))
'
}

# Providers that could not be had ("name|module|release|reason"), for write_manifest.
unavailable_providers=()

install_providers() {
  local entry name module pseudo built pinned target dir binary refusal
  target="$(go env GOOS)_$(go env GOARCH)"
  for entry in "${PROVIDERS[@]}"; do
    IFS='|' read -r name module pseudo built pinned <<< "$entry"
    dir="$cache/providers/registry.terraform.io/hashicorp/$name/$built/$target"
    binary="$dir/terraform-provider-${name}_v$built"
    if [ -x "$binary" ]; then
      log "provider $name $built: cached"
    elif [[ " ${OPTIONAL_PROVIDERS[*]} " == *" $name "* ]] && refusal=$(proxy_refusal "$module" "$pseudo") &&
      [ -n "$refusal" ]; then
      log "provider $name $built: NOT AVAILABLE, the Go module proxy refuses $module@$pseudo ($refusal);" \
        "stacks that require it will fail npm run validate as not validated"
      unavailable_providers+=("$name|$module|$built|${refusal//|/\/}")
      continue
    else
      log "provider $name: building $module@$pseudo (release $built; bindings pin $pinned)"
      mkdir -p "$dir"
      go_build_from_module "$module" "$pseudo" "$module" "$binary.partial"
      mv "$binary.partial" "$binary"
    fi
    # OpenTofu resolves the short source "aws" against its own registry host, and its mirror
    # scan does not follow a symlinked host directory: hard-link the binary into real ones.
    local tofu_dir="$cache/providers/registry.opentofu.org/hashicorp/$name/$built/$target"
    mkdir -p "$tofu_dir"
    ln -f "$binary" "$tofu_dir/$(basename "$binary")"
  done
  cat > "$cache/terraformrc.$$" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$cache/providers"
    include = ["registry.terraform.io/hashicorp/*", "registry.opentofu.org/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*", "registry.opentofu.org/hashicorp/*"]
  }
}
disable_checkpoint = true
RC
  mv "$cache/terraformrc.$$" "$cache/terraformrc"
}

install_python_tools() {
  install_emulator
  local stamp="$cache/stamps/venv-checkov-$CHECKOV_VERSION-kv-$KUBERNETES_VALIDATE_VERSION"
  if [ -f "$stamp" ] && [ -x "$cache/venv/bin/checkov" ]; then
    log "checkov $CHECKOV_VERSION and kubernetes-validate $KUBERNETES_VALIDATE_VERSION: cached"
    return
  fi
  local started
  started=$(date +%s)
  log "installing checkov $CHECKOV_VERSION and kubernetes-validate $KUBERNETES_VALIDATE_VERSION from PyPI"
  rm -rf "$cache/venv"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet --disable-pip-version-check \
    "checkov==$CHECKOV_VERSION" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  touch "$stamp"
  log "python tools installed in $(elapsed "$started")"
}

install_emulator() {
  local stamp="$cache/stamps/emulator-moto-$MOTO_VERSION-botocore-$BOTOCORE_VERSION-cbor2-$CBOR2_VERSION"
  if [ -f "$stamp" ] && [ -x "$cache/emulator-venv/bin/python" ]; then
    log "moto $MOTO_VERSION: cached"
    return
  fi
  log "installing moto $MOTO_VERSION from PyPI"
  rm -rf "$cache/emulator-venv"
  python3 -m venv "$cache/emulator-venv"
  "$cache/emulator-venv/bin/pip" install --quiet --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION" "botocore==$BOTOCORE_VERSION" "boto3==$BOTOCORE_VERSION" \
    "cbor2==$CBOR2_VERSION"
  touch "$stamp"
}

install_helm() {
  helm_bin="$cache/bin/helm-$HELM_VERSION"
  if [ -x "$helm_bin" ]; then
    log "helm $HELM_VERSION: cached"
  else
    log "building helm $HELM_VERSION from its Go module"
    go_build_from_module helm.sh/helm/v3 "$HELM_VERSION" helm.sh/helm/v3/cmd/helm "$helm_bin"
  fi
}

# k8s.io/kubernetes cannot be built with go install: its go.mod replaces every k8s.io/* staging
# module with ./staging/src/..., which the module zip does not contain. So: copy the module, drop
# those replace lines and require the published staging modules at the matching v0.x.y instead.
build_kubernetes_components() {
  local output_dir=$1 started source gomod staging edits
  started=$(date +%s)
  source="$cache/build/kubernetes-$KUBERNETES_VERSION"
  rm -rf "$source"
  cp -r "$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')" "$source"
  chmod -R u+w "$source"
  rm -f "$source"/go.work*
  gomod="$source/go.mod"
  staging="v0.${KUBERNETES_VERSION#v1.}"
  mapfile -t edits < <(go mod edit -json "$gomod" | python3 -c '
import json, sys
for r in json.load(sys.stdin).get("Replace") or []:
    if r["New"]["Path"].startswith("./staging/"):
        print("-dropreplace=" + r["Old"]["Path"])
        print("-require=" + r["Old"]["Path"] + "@" + sys.argv[1])
' "$staging")
  go mod edit "${edits[@]}" "$gomod"
  (
    cd "$source"
    GOWORK=off GOFLAGS=-mod=mod go build $GO_BUILD_FLAGS \
      -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION" \
      -o "$output_dir/" ./cmd/kube-apiserver ./cmd/kube-controller-manager ./cmd/kube-scheduler
  )
  rm -rf "$source"
  log "built kube-apiserver, kube-controller-manager, kube-scheduler $KUBERNETES_VERSION in $(elapsed "$started")"
}

# kwok does nothing without stages: its own "fast" set (nodes Ready at once, pods Ready as soon as
# scheduled, completed and deleted when asked) and the plain node heartbeat (status every 20-45 s;
# the lease variant updates status only every 10 minutes and renews no lease here, so the node
# controller would mark the nodes NotReady). Written on every run: it is a copy, and cheap.
write_kwok_stages() {
  local kwok_dir stage
  kwok_dir=$(go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  for stage in node/fast/node-initialize node/heartbeat/node-heartbeat \
    pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    printf -- '---\n' && cat "$kwok_dir/kustomize/stage/$stage.yaml"
  done > "$kubernetes_dir/kwok-stages.yaml.$$"
  mv "$kubernetes_dir/kwok-stages.yaml.$$" "$kubernetes_dir/kwok-stages.yaml"
}

install_kubernetes() {
  kubernetes_dir="$cache/kubernetes-$KUBERNETES_VERSION-kine-$KINE_VERSION-kwok-$KWOK_VERSION"
  local stamp="$cache/stamps/$(basename "$kubernetes_dir")"
  if [ -f "$stamp" ]; then
    log "kubernetes $KUBERNETES_VERSION, kine $KINE_VERSION, kwok $KWOK_VERSION: cached"
    write_kwok_stages
    return
  fi
  log "building the emulated regions' Kubernetes API from Go modules (kubernetes $KUBERNETES_VERSION, kine $KINE_VERSION, kwok $KWOK_VERSION)"
  rm -rf "$kubernetes_dir" && mkdir -p "$kubernetes_dir"
  build_kubernetes_components "$kubernetes_dir"
  go_build_from_module github.com/k3s-io/kine "$KINE_VERSION" github.com/k3s-io/kine "$kubernetes_dir/kine"
  go_build_from_module sigs.k8s.io/kwok "$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok "$kubernetes_dir/kwok"
  write_kwok_stages
  touch "$stamp"
}

write_manifest() {
  UNAVAILABLE_PROVIDERS=$(printf '%s\n' "${unavailable_providers[@]}") python3 - "$cache/tools.json.$$" <<PY
import json, os, sys
unavailable = []
for line in os.environ["UNAVAILABLE_PROVIDERS"].splitlines():
    if line:
        name, module, version, reason = line.split("|", 3)
        unavailable.append({"name": name, "module": module, "version": version, "reason": reason})
providers = []
for entry in """$(printf '%s\n' "${PROVIDERS[@]}")""".split():
    name, module, pseudo, built, pinned = entry.split("|")
    if name not in {provider["name"] for provider in unavailable}:
        providers.append({"name": name, "module": module, "pseudoVersion": pseudo, "builtVersion": built, "pinnedVersion": pinned})
json.dump({
    "terraform": {"bin": "$terraform_bin", "name": "$terraform_name"},
    "cliConfigFile": "$cache/terraformrc",
    "providers": providers,
    "unavailableProviders": unavailable,
    "checkov": {"bin": "$cache/venv/bin/checkov", "version": "$CHECKOV_VERSION"},
    "kubernetesValidate": {"bin": "$cache/venv/bin/kubernetes-validate", "version": "$KUBERNETES_VALIDATE_VERSION"},
    "emulator": {"python": "$cache/emulator-venv/bin/python", "version": "$MOTO_VERSION"},
    "helm": {"bin": "$helm_bin", "version": "${HELM_VERSION#v}"},
    "kubernetes": {
        "dir": "$kubernetes_dir",
        "version": "${KUBERNETES_VERSION#v}",
        "kine": "${KINE_VERSION#v}",
        "kwok": "${KWOK_VERSION#v}",
    },
}, open(sys.argv[1], "w"), indent=2)
PY
  mv "$cache/tools.json.$$" "$cache/tools.json"
  log "tools ready: $cache/tools.json"
}

install_part() {
  case $1 in
    terraform) install_terraform ;;
    providers) install_providers ;;
    python) install_python_tools ;;
    helm) install_helm ;;
    kubernetes) install_kubernetes ;;
    *) echo "unknown part: $1 (expected terraform, providers, python, helm or kubernetes)" >&2 && exit 2 ;;
  esac
}

# A cold full run builds the parts side by side: pip and the Go module downloads wait on the
# network and each Go link is single-threaded, so one part at a time leaves a core idle for much
# of a cold install. Each part runs in a subshell (a failure names its part); the sequential pass
# after it finds everything cached and sets what write_manifest reads.
install_parts_side_by_side() {
  local part pid failed=()
  local -A pids=()
  for part in "$@"; do
    install_part "$part" &
    pids[$part]=$!
  done
  for part in "$@"; do
    pid=${pids[$part]}
    wait "$pid" || failed+=("$part")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    log "FAILED: ${failed[*]} (see the messages above)"
    exit 1
  fi
}

# With arguments (terraform, providers, python, helm, kubernetes) only those parts are installed, e.g. to
# warm one cache; tools.json is written only by a full run.
started=$(date +%s)
parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
  parts=(terraform providers python helm kubernetes)
  install_parts_side_by_side "${parts[@]}"
fi
for part in "${parts[@]}"; do
  install_part "$part"
done
[ $# -gt 0 ] || write_manifest
log "done in $(elapsed "$started")"
