import { z } from 'zod';
import { Job } from '../contract/models';
import { Evaluation, Run, TrainRequest } from './models';

/** Training runs. */
export const trainMethods = {
  /** Starts a training job; the run exists at once (status running) and fills in as the job ends. */
  'train.start': { args: TrainRequest, result: z.object({ run: Run, job: Job }), mutates: true },
  'runs.list': { args: z.object({ dataset: z.string().min(1).optional(), limit: z.number().int().min(1).max(10_000).default(500) }).strict(), result: z.array(Run), mutates: false },
  'runs.get': { args: z.object({ id: z.string().min(1, 'name a run (id or name)') }).strict(), result: Run, mutates: false },
  /** Curves, confusion matrix, calibration, threshold sweep or residuals of a finished run. */
  'runs.evaluation': { args: z.object({ id: z.string().min(1, 'name a run (id or name)') }).strict(), result: z.object({ run: Run, evaluation: Evaluation.nullable() }), mutates: false },
} as const;
