{{/* Chart name, at most 63 characters. */}}
{{- define "genai-demo.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Resource name: the release name, or release-chart when they differ. */}}
{{- define "genai-demo.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "genai-demo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "genai-demo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "genai-demo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "genai-demo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* repository@digest when a digest is given, else repository:tag. */}}
{{- define "genai-demo.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/*
OpenTelemetry settings of the app container: OTLP over HTTP to the CloudWatch agent of the pod's
own node (the observability add-on runs it on the host network), in OpenTelemetry's standard
variables and in Spring Boot's. A signal that is off is switched off explicitly, so the app never
exports to a default endpoint nobody listens on.
*/}}
{{- define "genai-demo.telemetryEnv" -}}
{{- $t := .Values.telemetry -}}
- name: HOST_IP
  valueFrom:
    fieldRef:
      fieldPath: status.hostIP
- name: OTEL_SERVICE_NAME
  value: {{ include "genai-demo.fullname" . | quote }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "deployment.environment=%s,cloud.region=%s" .Values.springProfile .Values.aws.region | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: http/protobuf
{{- if $t.traces.enabled }}
{{- $endpoint := printf "http://$(HOST_IP):%d/v1/traces" (int $t.traces.port) }}
- name: OTEL_TRACES_EXPORTER
  value: otlp
- name: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  value: {{ $endpoint | quote }}
- name: OTEL_TRACES_SAMPLER
  value: parentbased_traceidratio
- name: OTEL_TRACES_SAMPLER_ARG
  value: {{ $t.traces.sampleRatio | toString | quote }}
# X-Ray's header too, so a trace started at the load balancer continues in the app.
- name: OTEL_PROPAGATORS
  value: tracecontext,baggage,xray
- name: MANAGEMENT_OTLP_TRACING_ENDPOINT
  value: {{ $endpoint | quote }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ $t.traces.sampleRatio | toString | quote }}
{{- else }}
- name: OTEL_TRACES_EXPORTER
  value: none
- name: MANAGEMENT_TRACING_ENABLED
  value: "false"
{{- end }}
{{- if $t.metrics.enabled }}
{{- $endpoint := printf "http://$(HOST_IP):%d/v1/metrics" (int $t.metrics.port) }}
- name: OTEL_METRICS_EXPORTER
  value: otlp
- name: OTEL_EXPORTER_OTLP_METRICS_ENDPOINT
  value: {{ $endpoint | quote }}
- name: MANAGEMENT_OTLP_METRICS_EXPORT_URL
  value: {{ $endpoint | quote }}
- name: MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED
  value: "true"
{{- else }}
- name: OTEL_METRICS_EXPORTER
  value: none
- name: MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED
  value: "false"
{{- end }}
{{- end -}}
