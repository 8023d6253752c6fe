import type { HandlerMap } from '../context';
import { auditHandlers } from './audit';
import { dataHandlers } from './data';
import { exportHandlers } from './export';
import { governanceHandlers } from './governance';
import { trainHandlers } from './train';
import { jobHandlers } from './jobs';
import { projectHandlers } from './project';
import { registryHandlers } from './registry';
import { deployHandlers } from './deploy';
import { monitorHandlers } from './monitor';
import { monitorLabelsHandlers } from './monitor-labels';
import { monitorAlertsHandlers } from './monitor-alerts';
import { monitorHealthHandlers } from './monitor-health';
import { monitorRetrainHandlers } from './monitor-retrain';
import { monitorSimulateHandlers } from './monitor-simulate';
import { monitorViewHandlers } from './monitor-views';
import { signingHandlers } from './signing';
import { systemHandlers } from './system';

/** The union of the domain slices; the type makes a missing method a compile error. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...projectHandlers,
  ...jobHandlers,
  ...auditHandlers,
  ...governanceHandlers,
  ...dataHandlers,
  ...trainHandlers,
  ...exportHandlers,
  ...signingHandlers,
  ...registryHandlers,
  ...deployHandlers,
  ...monitorHandlers,
  ...monitorLabelsHandlers,
  ...monitorAlertsHandlers,
  ...monitorHealthHandlers,
  ...monitorRetrainHandlers,
  ...monitorSimulateHandlers,
  ...monitorViewHandlers,
};
