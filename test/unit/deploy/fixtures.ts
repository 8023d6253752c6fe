import type { KubernetesDeployInput } from '../../../src/main/engine/deploy/kubernetes/render';
import type { SmokeTest } from '../../../src/main/engine/deploy/kubernetes/smoke';

/** A raw ed25519 public key, base64 (any 32 bytes parse as one). */
export const SIGNER_KEY = Buffer.alloc(32, 7).toString('base64');

export const INPUT: KubernetesDeployInput = {
  name: 'churn_logistic',
  version: '3',
  namespace: 'models',
  packageUrl: 'https://models.example.com/churn/churn-3.mlpkg',
  packageSha256: 'a'.repeat(64),
  trustedKeys: [{ name: 'ana', publicKey: SIGNER_KEY }],
};

export const SMOKE: SmokeTest = {
  signature: {
    inputs: [
      { name: 'tenure', datatype: 'FP32', shape: [-1, 1], missingShare: 0 },
      { name: 'plan', datatype: 'BYTES', shape: [-1, 1], missingShare: 0 },
    ],
    outputs: [
      { name: 'label', datatype: 'BYTES', shape: [-1], description: 'the predicted class' },
      { name: 'probabilities', datatype: 'FP32', shape: [-1, 2], description: 'one per class' },
    ],
  },
  rows: [
    { tenure: 12, plan: 'basic' },
    { tenure: null, plan: 'pro' },
  ],
};
