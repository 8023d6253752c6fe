/**
 * The Kubernetes objects MLCycle renders, typed only as far as it writes them. Hand-written rather
 * than taken from @kubernetes/client-node so rendering (and `mlcycle deploy render`) never loads the
 * client; the rendered objects are checked against the upstream JSON schemas in the tests instead.
 */

export type Labels = Record<string, string>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
}

export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface HttpProbe {
  httpGet: { path: string; port: string | number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value: string }>;
  ports?: Array<{ name: string; containerPort: number; protocol?: 'TCP' }>;
  resources?: Resources;
  readinessProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  startupProbe?: HttpProbe;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
  securityContext?: Record<string, unknown>;
}

export interface Volume {
  name: string;
  emptyDir?: Record<string, never>;
  configMap?: { name: string };
}

export interface PodTemplate {
  metadata: { labels: Labels; annotations?: Record<string, string> };
  spec: {
    securityContext?: Record<string, unknown>;
    initContainers?: Container[];
    containers: Container[];
    volumes?: Volume[];
    automountServiceAccountToken?: boolean;
    terminationGracePeriodSeconds?: number;
  };
}

export interface Deployment extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: {
    replicas?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    selector: { matchLabels: Labels };
    strategy?: { type: 'RollingUpdate'; rollingUpdate: { maxSurge: number | string; maxUnavailable: number | string } };
    template: PodTemplate;
  };
  status?: DeploymentStatus;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
}

export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    type: 'ClusterIP';
    selector: Labels;
    ports: Array<{ name: string; port: number; targetPort: string | number; protocol: 'TCP' }>;
  };
}

export interface ConfigMap extends KubeObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  data: Record<string, string>;
}

export interface HorizontalPodAutoscaler extends KubeObject {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1'; kind: 'Deployment'; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: Array<{ type: 'Resource'; resource: { name: 'cpu'; target: { type: 'Utilization'; averageUtilization: number } } }>;
  };
}

export interface InferenceService extends KubeObject {
  apiVersion: 'serving.kserve.io/v1beta1';
  kind: 'InferenceService';
  spec: {
    predictor: {
      minReplicas?: number;
      maxReplicas?: number;
      model: {
        modelFormat: { name: 'onnx' };
        protocolVersion: 'v2';
        storageUri: string;
        runtime?: string;
        resources?: Resources;
      };
    };
  };
}
