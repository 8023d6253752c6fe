import { useCallback, useEffect } from 'react';
import type { LearnerInfo } from '../../../../shared/train/learners';
import type { ModelKind } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { trainActions, useTrainStore } from './train-store';

let asking: unknown = null;

/**
 * The engine's learners (`train.learners`): descriptions, curve steps and parameter specs, asked
 * once per project and kept in the Train store, so the form and the run views share one answer.
 */
export function useLearners(): { learners: LearnerInfo[] | null; error: string | null; retry(): void } {
  const client = useAppStore((s) => s.client);
  const learners = useTrainStore((s) => s.learners);
  const error = useTrainStore((s) => s.learnersError);
  const load = useCallback(() => {
    // The form and the run views mount together: one question in flight is enough.
    if (!client || asking === client) return;
    asking = client;
    client
      .call('train.learners', {})
      .then(
        (list) => trainActions.learnersLoaded(list, null),
        (e: unknown) => trainActions.learnersLoaded(null, toShownError(e).message),
      )
      .finally(() => {
        if (asking === client) asking = null;
      });
  }, [client]);
  useEffect(() => {
    if (!useTrainStore.getState().learners && !useTrainStore.getState().learnersError) load();
  }, [load, learners]);
  return { learners, error, retry: () => {
    trainActions.learnersLoaded(null, null);
    load();
  } };
}

/** One learner's info, once loaded. */
export function learnerOf(learners: readonly LearnerInfo[] | null, model: ModelKind): LearnerInfo | undefined {
  return learners?.find((l) => l.kind === model);
}

/** What one step of a learner's curve is ("step" until the learners are known). */
export function useStep(model: ModelKind): string {
  return useTrainStore((s) => learnerOf(s.learners, model)?.step ?? 'step');
}
