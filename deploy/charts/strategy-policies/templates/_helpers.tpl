{{- define "policies.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: orchestration-strategy
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "policies.strict" -}}
{{- if has .environment (list "production" "multi-region") }}true{{ end }}
{{- end }}
