import { z } from 'zod';
import { ROLES } from './people';

const share = (message: string) => z.number().min(0, message).max(1, message);

/**
 * The rules a model must pass and the defaults later stages read. Every field has a default,
 * explained in POLICY_HELP, so a new project is governed sensibly before anyone edits it.
 */
export const Policy = z
  .object({
    promotion: z
      .object({
        requirePrimaryMetric: z.boolean().default(true),
        requireConstraints: z.boolean().default(true),
        requireFairness: z.boolean().default(true),
        requireParity: z.boolean().default(true),
        approvals: z
          .object({
            required: z.number().int().min(0).max(10).default(1),
            roles: z.array(z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })).default(['reviewer']),
          })
          .strict()
          .default({ required: 1, roles: ['reviewer'] }),
      })
      .strict()
      .default({ requirePrimaryMetric: true, requireConstraints: true, requireFairness: true, requireParity: true, approvals: { required: 1, roles: ['reviewer'] } }),
    monitoring: z
      .object({
        numericTest: z.enum(['auto', 'ks', 'wasserstein', 'psi']).default('auto'),
        categoricalTest: z.enum(['auto', 'chisquare', 'jensenshannon', 'psi']).default('auto'),
        pValue: z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').default(0.05),
        distanceThreshold: z.number().gt(0, 'must be more than 0').max(1).default(0.1),
        psiThreshold: z.number().gt(0, 'must be more than 0').max(10).default(0.2),
        datasetDriftShare: share('must be a share between 0 and 1').default(0.5),
        performanceTolerance: share('must be a share between 0 and 1 (0.05 = 5%)').default(0.05),
        minWindowRows: z.number().int().min(1).max(10_000_000).default(100),
        alertSeverity: z.enum(['info', 'warning', 'critical']).default('warning'),
      })
      .strict()
      .default({
        numericTest: 'auto',
        categoricalTest: 'auto',
        pValue: 0.05,
        distanceThreshold: 0.1,
        psiThreshold: 0.2,
        datasetDriftShare: 0.5,
        performanceTolerance: 0.05,
        minWindowRows: 100,
        alertSeverity: 'warning',
      }),
    retrain: z
      .object({
        cadence: z.enum(['manual', 'on-drift', 'weekly', 'monthly', 'quarterly']).default('on-drift'),
        maxModelAgeDays: z.number().int().min(1).max(3650).nullable().default(180),
      })
      .strict()
      .default({ cadence: 'on-drift', maxModelAgeDays: 180 }),
    retention: z
      .object({
        predictionLogDays: z.number().int().min(1).max(3650).default(90),
        sampleRate: z.number().gt(0, 'must be more than 0 (1 = log every request)').max(1).default(1),
      })
      .strict()
      .default({ predictionLogDays: 90, sampleRate: 1 }),
  })
  .strict();
export type Policy = z.output<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

export const DEFAULT_POLICY: Policy = Policy.parse({});

/** One sentence per setting: what it does and why the default is what it is. Shown beside each field. */
export const POLICY_HELP: Record<string, string> = {
  'promotion.requirePrimaryMetric': 'A model is promoted only if its primary metric on the held-out test split meets the objective’s threshold.',
  'promotion.requireConstraints': 'The objective’s latency and size limits must hold for the packaged model.',
  'promotion.requireFairness': 'The objective’s fairness bound must hold on the test split for every named sensitive column.',
  'promotion.requireParity': 'The exported ONNX graph must reproduce the trained model’s predictions (labels equal, probabilities within 1e-5).',
  'promotion.approvals.required': 'How many distinct people must approve a promotion. One reviewer is the default: a second pair of eyes without slowing a small team.',
  'promotion.approvals.roles': 'Only approvals from people in these roles count.',
  'monitoring.numericTest': '“auto” picks as Evidently does: Kolmogorov–Smirnov up to 1,000 reference rows, Wasserstein distance above.',
  'monitoring.categoricalTest': '“auto” picks chi-square up to 1,000 reference rows, Jensen–Shannon distance above.',
  'monitoring.pValue': 'Statistical tests (KS, chi-square) flag drift below this p-value. 0.05 is the conventional level.',
  'monitoring.distanceThreshold': 'Distance measures (normalised Wasserstein, Jensen–Shannon) flag drift at or above this value. 0.1 follows Evidently’s default.',
  'monitoring.psiThreshold': 'Population Stability Index flags drift at or above this value; 0.1–0.2 is moderate, above 0.2 a significant shift.',
  'monitoring.datasetDriftShare': 'The whole dataset counts as drifted when this share of features drifts. Half is the default.',
  'monitoring.performanceTolerance': 'Alert when a metric falls this far (relative) below the model’s test result once labels arrive. 5% by default.',
  'monitoring.minWindowRows': 'Windows with fewer rows than this are too small to judge; they are shown with a warning instead of an alert.',
  'monitoring.alertSeverity': 'The severity new alert rules start with.',
  'retrain.cadence': 'When to propose retraining: on detected drift (default), on a calendar, or only by hand.',
  'retrain.maxModelAgeDays': 'Propose retraining when the champion is older than this, whatever the drift.',
  'retention.predictionLogDays': 'How long prediction logs are kept for monitoring before they are deleted.',
  'retention.sampleRate': 'Share of requests whose inputs and outputs are logged (1 = all).',
};
