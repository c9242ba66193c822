{{/*
Names and labels.
*/}}
{{- define "categorizer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "categorizer.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 45 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 45 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "categorizer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "categorizer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: {{ .Values.mode }}
{{- end }}

{{- define "categorizer.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "categorizer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "categorizer.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Entry class of the job jar: the picocli command line of the cli module.
*/}}
{{- define "categorizer.entryClass" -}}
dev.categorizer.cli.CategorizerCli
{{- end }}

{{/*
True ("true") when a configuration key names a credential. Values that are Kafka config-provider
references such as ${env:NAME} are not credentials and pass.
*/}}
{{- define "categorizer.isCredential" -}}
{{- $key := index . 0 }}
{{- $value := index . 1 | toString }}
{{- /* The same rule as the job's SecretKeys: a secret word, unless the key's last word names a location or kind. */}}
{{- if and (regexMatch "(?i)(password|passwd|secret|token|jaas|credential|auth-params|basic-auth|http-headers|access[-._]?key|api[-._]?key|private[-._]?key|account[.]key|keystore[.]key)" $key) (not (regexMatch "(?i)[-._](location|path|file|url|type|enabled)$" $key)) (not (regexMatch "^\\$\\{[a-z]+:[^}]*\\}$" $value)) -}}
true
{{- end }}
{{- end }}

{{/*
Refuses values that cannot work, before anything reaches the cluster.
*/}}
{{- define "categorizer.validate" -}}
{{- if not (has .Values.mode (list "score" "train")) }}
{{- fail (printf "mode must be score or train, not %q" .Values.mode) }}
{{- end }}
{{- $ha := include "categorizer.haEnabled" . }}
{{- if eq .Values.mode "score" }}
{{- $upgradeMode := include "categorizer.upgradeMode" . }}
{{- if and (eq $upgradeMode "last-state") (not $ha) }}
{{- fail "upgradeMode last-state needs highAvailability.enabled=true (the operator restores the last checkpoint from HA metadata)" }}
{{- end }}
{{- if and (eq $upgradeMode "savepoint") (not .Values.savepoints.dir) }}
{{- fail "upgradeMode savepoint needs savepoints.dir" }}
{{- end }}
{{- if and $ha (not .Values.highAvailability.storageDir) }}
{{- fail "highAvailability.enabled needs highAvailability.storageDir" }}
{{- end }}
{{- end }}
{{- if and (gt (int .Values.jobManager.replicas) 1) (not $ha) }}
{{- fail "jobManager.replicas > 1 needs highAvailability.enabled=true (and mode=score)" }}
{{- end }}
{{- if not (hasPrefix "local:///" .Values.jarURI) }}
{{- fail "jarURI must be a local:/// path inside the image" }}
{{- end }}
{{- if not .Values.model.path }}
{{- fail "model.path is required: the bundle directory (s3://, gs:// or a path under model.volume.mountPath)" }}
{{- end }}
{{- if .Values.model.volume.enabled }}
{{- if not .Values.model.volume.source }}
{{- fail "model.volume.enabled needs model.volume.source (e.g. persistentVolumeClaim: {claimName: ...})" }}
{{- end }}
{{- if not (hasPrefix .Values.model.volume.mountPath .Values.model.path) }}
{{- fail (printf "model.path %q must lie under model.volume.mountPath %q" .Values.model.path .Values.model.volume.mountPath) }}
{{- end }}
{{- if and (eq .Values.mode "train") .Values.model.volume.readOnly }}
{{- fail "training writes the bundle: set model.volume.readOnly=false" }}
{{- end }}
{{- end }}
{{- if and (eq .Values.mode "train") (not .Values.train.trainPath) }}
{{- fail "mode=train needs train.trainPath" }}
{{- end }}
{{- if and (eq .Values.mode "train") (not .Values.train.workDir) }}
{{- fail "mode=train needs train.workDir on storage every pod sees (s3://, gs:// or a shared volume)" }}
{{- end }}
{{- range $key, $value := .Values.kafka.properties }}
{{- if include "categorizer.isCredential" (list $key $value) }}
{{- fail (printf "kafka.properties.%s looks like a credential: keep it in a Secret and use kafka.security (values and manifests are not secret)" $key) }}
{{- end }}
{{- end }}
{{- range $key, $value := .Values.flinkConfiguration }}
{{- if include "categorizer.isCredential" (list $key $value) }}
{{- fail (printf "flinkConfiguration.%s looks like a credential: pass it from a Secret with extraEnv or objectStorage.credentialsSecret" $key) }}
{{- end }}
{{- end }}
{{- if and .Values.kafka.security.enabled (not .Values.kafka.security.secretName) }}
{{- fail "kafka.security.enabled needs kafka.security.secretName" }}
{{- end }}
{{- end }}

{{- define "categorizer.upgradeMode" -}}
{{- .Values.score.upgradeMode }}
{{- end }}

{{/*
High availability applies to the scorer only: the training session cluster has nothing to fail over.
*/}}
{{- define "categorizer.haEnabled" -}}
{{- if and (eq .Values.mode "score") .Values.highAvailability.enabled }}true{{ end }}
{{- end }}

{{/*
Where the job jar is inside the image, without the local:// scheme of jarURI.
*/}}
{{- define "categorizer.jarPath" -}}
{{- trimPrefix "local://" .Values.jarURI }}
{{- end }}

{{/*
Kafka client properties of the scorer as a dict. Credentials are Kafka config-provider references
(${env:NAME}) resolved by the Kafka client inside the pods from variables filled from the Secret.
*/}}
{{- define "categorizer.kafkaProperties" -}}
{{- $props := dict }}
{{- $security := .Values.kafka.security }}
{{- if $security.enabled }}
{{- $_ := set $props "security.protocol" $security.protocol }}
{{- $_ := set $props "config.providers" "env" }}
{{- $_ := set $props "config.providers.env.class" "org.apache.kafka.common.config.provider.EnvVarConfigProvider" }}
{{- $_ := set $props "config.providers.env.param.allowlist.pattern" "KAFKA_.*" }}
{{- if hasPrefix "SASL" $security.protocol }}
{{- $_ := set $props "sasl.mechanism" $security.saslMechanism }}
{{- $_ := set $props "sasl.jaas.config" "${env:KAFKA_SASL_JAAS_CONFIG}" }}
{{- end }}
{{- if $security.truststore.key }}
{{- $_ := set $props "ssl.truststore.location" (printf "/etc/categorizer/kafka/%s" $security.truststore.key) }}
{{- $_ := set $props "ssl.truststore.type" $security.truststore.type }}
{{- if $security.truststore.passwordKey }}
{{- $_ := set $props "ssl.truststore.password" "${env:KAFKA_SSL_TRUSTSTORE_PASSWORD}" }}
{{- end }}
{{- end }}
{{- end }}
{{- range $key, $value := .Values.kafka.properties }}
{{- $_ := set $props $key ($value | toString) }}
{{- end }}
{{- toYaml $props }}
{{- end }}

{{/*
Command line of the scorer (application mode), as a YAML list of strings. Options the user left empty are not
passed, so the job's own defaults apply.
*/}}
{{- define "categorizer.scoreArgs" -}}
{{- $kafka := .Values.kafka }}
{{- $args := list "score" "--model" .Values.model.path }}
{{- $args = concat $args (list "--input" (printf "kafka://%s/%s" $kafka.bootstrapServers $kafka.inputTopic)) }}
{{- $args = concat $args (list "--output" (printf "kafka://%s/%s" $kafka.bootstrapServers $kafka.outputTopic)) }}
{{- $args = concat $args (list "--dead-letter" (printf "kafka://%s/%s" $kafka.bootstrapServers $kafka.deadLetterTopic)) }}
{{- $args = concat $args (list "--kafka-bootstrap" $kafka.bootstrapServers) }}
{{- $args = concat $args (list "--kafka-group-id" $kafka.groupId "--kafka-starting-offsets" $kafka.startingOffsets) }}
{{- if $kafka.transactionalIdPrefix }}
{{- $args = concat $args (list "--transactional-id-prefix" $kafka.transactionalIdPrefix) }}
{{- end }}
{{- $props := include "categorizer.kafkaProperties" . | fromYaml }}
{{- range $key := keys $props | sortAlpha }}
{{- $args = concat $args (list "--kafka-property" (printf "%s=%v" $key (index $props $key))) }}
{{- end }}
{{- with .Values.score.batchSize }}{{ $args = concat $args (list "--batch-size" (toString .)) }}{{ end }}
{{- with .Values.score.batchTimeout }}{{ $args = concat $args (list "--batch-timeout" (toString .)) }}{{ end }}
{{- $threads := toString .Values.score.inferenceThreads }}
{{- if and (ne $threads "") (ne $threads "<nil>") }}{{ $args = concat $args (list "--inference-threads" $threads) }}{{ end }}
{{- $args = concat $args .Values.score.extraArgs }}
{{- toYaml $args }}
{{- end }}

{{/*
Command line of the training (after the jar in `flink run`), as a YAML list of strings.
*/}}
{{- define "categorizer.trainArgs" -}}
{{- $train := .Values.train }}
{{- $args := list "train" "--train" $train.trainPath "--model" .Values.model.path "--work-dir" $train.workDir }}
{{- $args = concat $args (list "--parallelism" (toString .Values.parallelism)) }}
{{- with $train.validationPath }}{{ $args = concat $args (list "--validation" .) }}{{ end }}
{{- with $train.deadLetterPath }}{{ $args = concat $args (list "--dead-letter" .) }}{{ end }}
{{- with $train.checkpointInterval }}{{ $args = concat $args (list "--checkpoint-interval" (toString .)) }}{{ end }}
{{- $options := $train.options }}
{{- $flags := dict "epochs" "--epochs" "hidden" "--hidden" "batchSize" "--batch-size" "learningRate" "--learning-rate" "dropout" "--dropout" "seed" "--seed" "minDf" "--min-df" "maxVocabulary" "--max-vocabulary" "tokenizer" "--tokenizer" }}
{{- range $name := keys $flags | sortAlpha }}
{{- $value := index $options $name }}
{{- if or $value (eq (toString $value) "0") }}
{{- $args = concat $args (list (index $flags $name) (toString $value)) }}
{{- end }}
{{- end }}
{{- if $options.bigrams }}{{ $args = concat $args (list "--bigrams") }}{{ end }}
{{- $args = concat $args $train.extraArgs }}
{{- toYaml $args }}
{{- end }}

{{/*
Flink configuration as a dict of strings; .Values.flinkConfiguration is applied last and wins.
*/}}
{{- define "categorizer.flinkConfiguration" -}}
{{- $v := .Values }}
{{- $conf := dict }}
{{- $_ := set $conf "taskmanager.numberOfTaskSlots" $v.taskManager.numberOfTaskSlots }}
{{- $_ := set $conf "taskmanager.memory.task.off-heap.size" $v.taskManager.taskOffHeapMemory }}
{{- $_ := set $conf "kubernetes.jobmanager.cpu.limit-factor" $v.jobManager.cpuLimitFactor }}
{{- $_ := set $conf "kubernetes.jobmanager.memory.limit-factor" $v.jobManager.memoryLimitFactor }}
{{- $_ := set $conf "kubernetes.taskmanager.cpu.limit-factor" $v.taskManager.cpuLimitFactor }}
{{- $_ := set $conf "kubernetes.taskmanager.memory.limit-factor" $v.taskManager.memoryLimitFactor }}
{{- $_ := set $conf "taskmanager.memory.managed.fraction" $v.taskManager.managedMemoryFraction }}
{{- /* As docker/flink-config.yaml: TensorFlow, JavaCPP and protobuf come from the image's lib/ (once per JVM,
never from a job's class loader), and the native library is unpacked once per TaskManager into JavaCPP's cache
on the writable /tmp volume. */}}
{{- $_ := set $conf "classloader.parent-first-patterns.additional" "org.tensorflow.;org.bytedeco.;com.google.protobuf.;dev.categorizer.tensorflow." }}
{{- $_ := set $conf "io.tmp.dirs" "/tmp" }}
{{- $_ := set $conf "env.java.opts.all" "-Djava.io.tmpdir=/tmp -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.maxBytes=0" }}
{{- with $v.checkpoints.dir }}{{ $_ := set $conf "execution.checkpointing.dir" . }}{{ end }}
{{- if eq $v.mode "score" }}
{{- with $v.checkpoints.interval }}{{ $_ := set $conf "execution.checkpointing.interval" . }}{{ end }}
{{- end }}
{{- with $v.checkpoints.stateBackend }}{{ $_ := set $conf "state.backend.type" . }}{{ end }}
{{- if eq $v.mode "score" }}
{{- with $v.savepoints.dir }}{{ $_ := set $conf "execution.checkpointing.savepoint-dir" . }}{{ end }}
{{- end }}
{{- if include "categorizer.haEnabled" . }}
{{- $_ := set $conf "high-availability.type" "kubernetes" }}
{{- $_ := set $conf "high-availability.storageDir" $v.highAvailability.storageDir }}
{{- end }}
{{- if $v.metrics.enabled }}
{{- $_ := set $conf "metrics.reporter.prom.factory.class" "org.apache.flink.metrics.prometheus.PrometheusReporterFactory" }}
{{- $_ := set $conf "metrics.reporter.prom.port" $v.metrics.port }}
{{- end }}
{{- with $v.objectStorage.s3Endpoint }}{{ $_ := set $conf "s3.endpoint" . }}{{ end }}
{{- if $v.objectStorage.s3PathStyleAccess }}{{ $_ := set $conf "s3.path.style.access" "true" }}{{ end }}
{{- range $key, $value := $v.flinkConfiguration }}
{{- $_ := set $conf $key $value }}
{{- end }}
{{- range $key := keys $conf | sortAlpha }}
{{ $key | quote }}: {{ index $conf $key | toString | quote }}
{{- end }}
{{- end }}

{{/*
Environment of the Flink container: credentials only as references to Secrets.
*/}}
{{- define "categorizer.env" -}}
{{- $env := list }}
{{- $s3 := .Values.objectStorage.credentialsSecret }}
{{- if $s3.name }}
{{- $env = append $env (dict "name" "AWS_ACCESS_KEY_ID" "valueFrom" (dict "secretKeyRef" (dict "name" $s3.name "key" $s3.accessKeyIdKey))) }}
{{- $env = append $env (dict "name" "AWS_SECRET_ACCESS_KEY" "valueFrom" (dict "secretKeyRef" (dict "name" $s3.name "key" $s3.secretAccessKeyKey))) }}
{{- end }}
{{- $security := .Values.kafka.security }}
{{- if and (eq .Values.mode "score") $security.enabled }}
{{- if and (hasPrefix "SASL" $security.protocol) $security.jaasConfigKey }}
{{- $env = append $env (dict "name" "KAFKA_SASL_JAAS_CONFIG" "valueFrom" (dict "secretKeyRef" (dict "name" $security.secretName "key" $security.jaasConfigKey))) }}
{{- end }}
{{- if and $security.truststore.key $security.truststore.passwordKey }}
{{- $env = append $env (dict "name" "KAFKA_SSL_TRUSTSTORE_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $security.secretName "key" $security.truststore.passwordKey))) }}
{{- end }}
{{- end }}
{{- $env = concat $env .Values.extraEnv }}
{{- toYaml $env }}
{{- end }}

{{- define "categorizer.volumes" -}}
{{- $volumes := list (dict "name" "tmp" "emptyDir" (dict "sizeLimit" .Values.tmpVolume.sizeLimit)) }}
{{- if .Values.model.volume.enabled }}
{{- $volumes = append $volumes (merge (dict "name" "model") .Values.model.volume.source) }}
{{- end }}
{{- $security := .Values.kafka.security }}
{{- if and (eq .Values.mode "score") $security.enabled $security.truststore.key }}
{{- $items := list (dict "key" $security.truststore.key "path" $security.truststore.key) }}
{{- $volumes = append $volumes (dict "name" "kafka-truststore" "secret" (dict "secretName" $security.secretName "items" $items)) }}
{{- end }}
{{- $volumes = concat $volumes .Values.extraVolumes }}
{{- toYaml $volumes }}
{{- end }}

{{- define "categorizer.volumeMounts" -}}
{{- $mounts := list (dict "name" "tmp" "mountPath" "/tmp") }}
{{- if .Values.model.volume.enabled }}
{{- $mounts = append $mounts (dict "name" "model" "mountPath" .Values.model.volume.mountPath "readOnly" .Values.model.volume.readOnly) }}
{{- end }}
{{- $security := .Values.kafka.security }}
{{- if and (eq .Values.mode "score") $security.enabled $security.truststore.key }}
{{- $mounts = append $mounts (dict "name" "kafka-truststore" "mountPath" "/etc/categorizer/kafka" "readOnly" true) }}
{{- end }}
{{- $mounts = concat $mounts .Values.extraVolumeMounts }}
{{- toYaml $mounts }}
{{- end }}

{{/*
Pod template shared by JobManager and TaskManagers (the operator merges the per-component ones over it).
*/}}
{{- define "categorizer.podTemplate" -}}
{{- $labels := merge (include "categorizer.selectorLabels" . | fromYaml) .Values.podLabels }}
{{- $annotations := dict }}
{{- if and .Values.metrics.enabled .Values.metrics.podAnnotations }}
{{- $_ := set $annotations "prometheus.io/scrape" "true" }}
{{- $_ := set $annotations "prometheus.io/port" (toString .Values.metrics.port) }}
{{- end }}
{{- $annotations = merge $annotations .Values.podAnnotations }}
{{- $container := dict "name" "flink-main-container" "securityContext" .Values.containerSecurityContext }}
{{- $env := include "categorizer.env" . | fromYamlArray }}
{{- if $env }}{{ $_ := set $container "env" $env }}{{ end }}
{{- $_ := set $container "volumeMounts" (include "categorizer.volumeMounts" . | fromYamlArray) }}
{{- if .Values.metrics.enabled }}
{{- $_ := set $container "ports" (list (dict "name" "metrics" "containerPort" (int .Values.metrics.port) "protocol" "TCP")) }}
{{- end }}
{{- $spec := dict "securityContext" .Values.podSecurityContext "containers" (list $container) }}
{{- $_ := set $spec "volumes" (include "categorizer.volumes" . | fromYamlArray) }}
{{- with .Values.image.pullSecrets }}
{{- $secrets := list }}
{{- range . }}{{ $secrets = append $secrets (dict "name" .) }}{{ end }}
{{- $_ := set $spec "imagePullSecrets" $secrets }}
{{- end }}
{{- with .Values.nodeSelector }}{{ $_ := set $spec "nodeSelector" . }}{{ end }}
{{- with .Values.tolerations }}{{ $_ := set $spec "tolerations" . }}{{ end }}
{{- with .Values.affinity }}{{ $_ := set $spec "affinity" . }}{{ end }}
{{- $metadata := dict "labels" $labels }}
{{- if $annotations }}{{ $_ := set $metadata "annotations" $annotations }}{{ end }}
{{- $pod := dict "apiVersion" "v1" "kind" "Pod" "metadata" $metadata "spec" $spec }}
{{- toYaml (mergeOverwrite $pod (deepCopy .Values.podTemplate)) }}
{{- end }}
