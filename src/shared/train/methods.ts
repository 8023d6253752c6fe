import { z } from 'zod';
import { Job } from '../contract/models';
import { LearnerInfo } from './learners';
import { AutoRequest, Evaluation, Run, SearchRequest, TrainRequest } from './models';

/** Training runs. */
export const trainMethods = {
  /** Starts a training job; the run exists at once (status running) and fills in as the job ends. */
  'train.start': { args: TrainRequest, result: z.object({ run: Run, job: Job }), mutates: true },
  /**
   * Hyperparameter search: a parent run whose trials are child runs, trained in parallel up to the
   * core count and ranked by the objective's primary metric on the validation rows.
   */
  'train.search': { args: SearchRequest, result: z.object({ run: Run, children: z.array(Run) }), mutates: true },
  /** Tries every learner that fits the task within a time budget and ranks them by the objective's primary metric on the validation rows. */
  'train.auto': { args: AutoRequest, result: z.object({ run: Run, children: z.array(Run) }), mutates: true },
  /** A model card draft in Markdown: intended use from the objective, data, metrics, fairness, limitations. */
  'runs.card': { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ markdown: z.string() }), mutates: false },
  /** Starts a job explaining one row's prediction (its result is a RowExplanation). Row = position in the run's dataset version, from 0. */
  'runs.explain': { args: z.object({ id: z.string().min(1), row: z.number().int().min(0) }).strict(), result: Job, mutates: false },
  /** Stops a run: its job, or for a search every trial still queued or running. */
  'runs.cancel': { args: z.object({ id: z.string().min(1) }).strict(), result: Run, mutates: true },
  /** Every learner the engine has: what it does, whether this machine can train it, its hyperparameters (defaults, ranges, words) and default search space. */
  'train.learners': { args: z.object({}).strict(), result: z.array(LearnerInfo), mutates: false },
  /** Runs, newest first; `parent` keeps the trials (child runs) of one search or auto run. */
  'runs.list': { args: z.object({ dataset: z.string().min(1).optional(), parent: z.string().min(1, 'name a parent run (id or name)').optional(), limit: z.number().int().min(1).max(10_000).default(500) }).strict(), result: z.array(Run), mutates: false },
  'runs.get': { args: z.object({ id: z.string().min(1, 'name a run (id or name)') }).strict(), result: Run, mutates: false },
  /** Curves, confusion matrix, calibration, threshold sweep or residuals of a finished run. */
  'runs.evaluation': { args: z.object({ id: z.string().min(1, 'name a run (id or name)') }).strict(), result: z.object({ run: Run, evaluation: Evaluation.nullable() }), mutates: false },
} as const;
