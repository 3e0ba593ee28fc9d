{{- define "strategy.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object; pass (dict "root" $ "component" "name"). */}}
{{- define "strategy.labels" -}}
helm.sh/chart: {{ include "strategy.chart" .root }}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: orchestration-strategy
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{- define "strategy.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The strategy's table per cluster size. */}}
{{- define "strategy.size" -}}
{{- $sizes := dict
  "small"  (dict "controlPlane" 1 "workersMin" 2  "workersMax" 10  "minReplicas" 2 "maxReplicas" 10 "parallelism" 2)
  "medium" (dict "controlPlane" 3 "workersMin" 3  "workersMax" 20  "minReplicas" 3 "maxReplicas" 20 "parallelism" 5)
  "large"  (dict "controlPlane" 5 "workersMin" 10 "workersMax" 100 "minReplicas" 5 "maxReplicas" 50 "parallelism" 10) }}
{{- get $sizes .Values.clusterSize | toYaml }}
{{- end }}

{{/* The strategy's table per provider; hybrid follows on-premise as in the template's else branch. */}}
{{- define "strategy.provider" -}}
{{- $generic := dict "controlPlaneInstance" "4CPU/8GB" "workerInstance" "2CPU/4GB" "storageClass" "local-storage" "backupProvider" "aws" }}
{{- $providers := dict
  "aws"   (dict "controlPlaneInstance" "m5.xlarge" "workerInstance" "m5.large" "storageClass" "gp3" "backupProvider" "aws")
  "azure" (dict "controlPlaneInstance" "Standard_D4s_v3" "workerInstance" "Standard_D2s_v3" "storageClass" "managed-premium" "backupProvider" "azure")
  "gcp"   (dict "controlPlaneInstance" "n1-standard-4" "workerInstance" "n1-standard-2" "storageClass" "pd-ssd" "backupProvider" "gcp")
  "on-premise" $generic
  "hybrid" $generic }}
{{- get $providers .Values.cloudProvider | toYaml }}
{{- end }}

{{/*
The long-running, scalable workloads for the architecture and workload type, as a YAML list.
Each has: key (images key), name, tier, port, and gpu for the inference service.
*/}}
{{- define "strategy.workloads" -}}
{{- $a := .Values.applicationArchitecture }}
{{- $w := .Values.workloadType }}
{{- if or (eq $a "microservices") (eq $a "hybrid") }}
- {key: userService, name: user-service, tier: backend, port: 8080, gpu: false, manualReplicas: 2}
{{- end }}
{{- if or (eq $a "monolith") (eq $a "hybrid") }}
- {key: monolith, name: monolith, tier: backend, port: 8080, gpu: false, manualReplicas: 2}
{{- end }}
{{- if eq $a "serverless" }}
- {key: functions, name: functions, tier: backend, port: 8080, gpu: false, manualReplicas: 2}
{{- end }}
{{- if eq $w "web-services" }}
- {key: webService, name: web-service, tier: frontend, port: 8080, gpu: false, manualReplicas: 2}
{{- end }}
{{- if eq $w "data-processing" }}
- {key: dataProcessor, name: data-processor, tier: backend, port: 8080, gpu: false, manualReplicas: 2}
{{- end }}
{{- if eq $w "ai-ml" }}
- {key: mlInference, name: ml-inference-service, tier: backend, port: 8000, gpu: true, manualReplicas: 1}
{{- end }}
{{- end }}

{{- define "strategy.image" -}}
{{- $i := get .root.Values.images .key }}
{{- printf "%s:%s" $i.repository $i.tag }}
{{- end }}

{{- define "strategy.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "strategy.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/* Zone spread for production and multi-region. Pass (dict "root" $ "component" name). */}}
{{- define "strategy.topologySpread" -}}
{{- if has .root.Values.environment (list "production" "multi-region") }}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: {{ if eq .root.Values.environment "multi-region" }}DoNotSchedule{{ else }}ScheduleAnyway{{ end }}
    labelSelector:
      matchLabels:
        {{- include "strategy.selectorLabels" . | nindent 8 }}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "strategy.selectorLabels" . | nindent 8 }}
{{- end }}
{{- end }}

{{/* The predictive-scaler / KEDA / HPA query of a workload's request rate. */}}
{{- define "strategy.requestRateQuery" -}}
sum(rate(http_requests_total{namespace="{{ .root.Release.Namespace }}",app="{{ .name }}"}[1m]))
{{- end }}
