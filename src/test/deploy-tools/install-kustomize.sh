#!/bin/sh
# Installs the pinned kustomize into $1/bin (under target/) with Go, for the Kubernetes schema check of the
# kustomize output (DeployLintTest). Does nothing when that version is already there, so a build with it in place
# runs offline. Test time only.
set -eu
version=v5.5.0
into=$1
if [ -x "$into/bin/kustomize" ] && [ "$(cat "$into/bin/kustomize.version" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
mkdir -p "$into/bin"
GOBIN=$(cd "$into/bin" && pwd) GOFLAGS=-mod=mod go install "sigs.k8s.io/kustomize/kustomize/v5@$version"
echo "$version" > "$into/bin/kustomize.version"
