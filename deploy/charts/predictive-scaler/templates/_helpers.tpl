{{/* Chart name. */}}
{{- define "predictive-scaler.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: <release>-<chart>, or the release name when it contains the chart name. */}}
{{- define "predictive-scaler.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "predictive-scaler.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "predictive-scaler.labels" -}}
helm.sh/chart: {{ include "predictive-scaler.chart" . }}
{{ include "predictive-scaler.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: controller
app.kubernetes.io/part-of: predictive-scaler
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "predictive-scaler.selectorLabels" -}}
app.kubernetes.io/name: {{ include "predictive-scaler.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "predictive-scaler.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "predictive-scaler.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "predictive-scaler.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end }}
{{- end }}

{{- define "predictive-scaler.leaseName" -}}
{{- default (include "predictive-scaler.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/*
Rules granted in every namespace whose workloads are managed: exactly
scaler-core/src/main/resources/io/predictivescaler/core/kube/required-permissions.yaml minus the
Lease rule, which is granted in the release namespace only (see rbac.yaml), plus each
rbac.extraScaleTargets kind: the object (get, for the pause annotation) and its scale subresource.
No write verb on whole workloads. Chart tests compare the union with that file.
*/}}
{{- define "predictive-scaler.workloadRules" -}}
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["apps"]
  resources: ["statefulsets", "replicasets"]
  verbs: ["get"]
- apiGroups: ["apps"]
  resources: ["deployments/scale", "statefulsets/scale", "replicasets/scale"]
  verbs: ["get", "patch"]
{{- range .Values.rbac.extraScaleTargets }}
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ .resource | quote }}]
  verbs: ["get"]
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ printf "%s/scale" .resource | quote }}]
  verbs: ["get", "patch"]
{{- end }}
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "patch"]
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects"]
  verbs: ["list"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: ["metrics.k8s.io"]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}

{{/*
Namespaces the service watches in namespaced mode: the listed ones plus the release namespace,
where the chart's own policy ConfigMap lives. Empty (all namespaces) stays empty.
*/}}
{{- define "predictive-scaler.watchedNamespaces" -}}
{{- if .Values.namespaces }}
{{- join "," (uniq (append .Values.namespaces .Release.Namespace)) }}
{{- end }}
{{- end }}

{{/*
Namespaces whose policy ConfigMaps' PromQL runs as written: the listed ones plus the release
namespace, whose ConfigMaps (the chart's own, the platform team's) may target any namespace.
*/}}
{{- define "predictive-scaler.trustedNamespaces" -}}
{{- join "," (uniq (append .Values.prometheus.trustedNamespaces .Release.Namespace)) }}
{{- end }}

{{/* Value combinations the schema cannot express; fails the render naming the fields. */}}
{{- define "predictive-scaler.validate" -}}
{{- if and .Values.prometheus.bearerToken.existingSecret .Values.prometheus.basicAuth.existingSecret }}
{{- fail "prometheus.bearerToken.existingSecret and prometheus.basicAuth.existingSecret are both set: choose bearer token or basic auth for Prometheus, not both" }}
{{- end }}
{{- if or (hasPrefix "127." .Values.ops.bindAddress) (eq .Values.ops.bindAddress "::1") }}
{{- fail (printf "ops.bindAddress %s is a loopback address: the kubelet's probes (/healthz, /readyz) reach the pod IP and would fail; use 0.0.0.0 (or :: on IPv6) and ops.auth kubernetes to protect the ops API" .Values.ops.bindAddress) }}
{{- end }}
{{- if and .Values.webhook.enabled (eq (int .Values.webhook.port) (int .Values.httpPort)) }}
{{- fail (printf "webhook.port %v is httpPort too: the webhook needs a port of its own" .Values.webhook.port) }}
{{- end }}
{{- range $i, $reader := .Values.ops.readers }}
{{- if and (eq $reader.kind "ServiceAccount") (not $reader.namespace) }}
{{- fail (printf "ops.readers[%d]: the ServiceAccount %s needs its namespace" $i $reader.name) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on the uninstall hook's objects: the chart's, with their own component. */}}
{{- define "predictive-scaler.hookLabels" -}}
helm.sh/chart: {{ include "predictive-scaler.chart" . }}
{{ include "predictive-scaler.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: restore-hpa-floors
app.kubernetes.io/part-of: predictive-scaler
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* A post-delete hook object with the given weight, removed when the hook succeeds. */}}
{{- define "predictive-scaler.hookAnnotations" -}}
helm.sh/hook: post-delete
helm.sh/hook-weight: {{ .weight | quote }}
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
{{- end }}

{{/*
What restore-hpa-floors needs in each managed namespace: find the HPAs carrying the scaler's
original-floor annotation and patch minReplicas back. A subset of the service's own rules.
*/}}
{{- define "predictive-scaler.restoreHpaFloorsRules" -}}
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "patch"]
{{- end }}

{{/* The Secret holding the admission webhook's certificate (tls.crt, tls.key, ca.crt). */}}
{{- define "predictive-scaler.webhookSecretName" -}}
{{- printf "%s-webhook-tls" (include "predictive-scaler.fullname" .) }}
{{- end }}

{{/* The DNS names the API server may call the webhook's Service by. */}}
{{- define "predictive-scaler.webhookDnsNames" -}}
{{- $service := include "predictive-scaler.fullname" . }}
{{- $ns := .Release.Namespace }}
{{- list $service (printf "%s.%s" $service $ns) (printf "%s.%s.svc" $service $ns) (printf "%s.%s.svc.cluster.local" $service $ns) | toJson }}
{{- end }}
