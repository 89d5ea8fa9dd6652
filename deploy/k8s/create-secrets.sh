#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with random passwords, where they do not exist yet (none is in
# the repository, the images or a log line):
#   cable-stream-db     CABLES_DB_USER, CABLES_DB_PASSWORD          store-service's own database login
#                       CABLES_DB_MIGRATION_USER, CABLES_DB_MIGRATION_PASSWORD   the schema's owner (migrations)
#   cable-stream-kafka  ADMIN_PASSWORD, INGEST_PASSWORD, PARSE_PASSWORD, STORE_PASSWORD
#                       the broker's admin and each service's SCRAM principal (deploy/kafka-acls.txt)
#   cable-stream-oidc   CLIENT_SECRET   the UI's client at the OIDC provider, issued by the provider: made only when
#                       CABLES_OIDC_CLIENT_SECRET is set (the UI's provider sign-in, CABLES_OIDC_ENABLED in the ConfigMap)
# Usage: deploy/k8s/create-secrets.sh [namespace]   (default cable-stream; kubectl's current context)
# With an external broker or database, create them with its credentials instead (or from a sealed or external
# secret with the same names and keys).
set -euo pipefail
namespace=${1:-cable-stream}
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
if kubectl -n "$namespace" get secret cable-stream-db >/dev/null 2>&1; then
  echo "secret cable-stream-db exists: left as it is"
else
  kubectl -n "$namespace" create secret generic cable-stream-db --from-literal=CABLES_DB_USER=cables_store \
    --from-literal=CABLES_DB_PASSWORD="$(random)" --from-literal=CABLES_DB_MIGRATION_USER=cables_owner \
    --from-literal=CABLES_DB_MIGRATION_PASSWORD="$(random)"
fi
if kubectl -n "$namespace" get secret cable-stream-kafka >/dev/null 2>&1; then
  echo "secret cable-stream-kafka exists: left as it is"
else
  kubectl -n "$namespace" create secret generic cable-stream-kafka --from-literal=ADMIN_PASSWORD="$(random)" \
    --from-literal=INGEST_PASSWORD="$(random)" --from-literal=PARSE_PASSWORD="$(random)" \
    --from-literal=STORE_PASSWORD="$(random)"
fi
if kubectl -n "$namespace" get secret cable-stream-oidc >/dev/null 2>&1; then
  echo "secret cable-stream-oidc exists: left as it is"
elif [ -n "${CABLES_OIDC_CLIENT_SECRET:-}" ]; then
  kubectl -n "$namespace" create secret generic cable-stream-oidc --from-literal=CLIENT_SECRET="$CABLES_OIDC_CLIENT_SECRET"
else
  echo "no CABLES_OIDC_CLIENT_SECRET: secret cable-stream-oidc not made (the UI signs in with pasted tokens only)"
fi
