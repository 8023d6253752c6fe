import { useEffect } from 'react';
import type { Alert } from '../../../../shared/monitor/models';
import { noticeText } from '../../lib/monitor-words';
import { useAppStore } from '../../store';

/** Whether this page may show system notifications: 'unsupported' where the API is missing. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The system notification of a burst of alerts, when the user allowed them; clicking it brings the app forward. */
function desktopNotification(alerts: readonly Alert[]): void {
  if (notificationPermission() !== 'granted') return;
  try {
    const shown = new Notification('MLCycle alert', { body: noticeText(alerts), tag: alerts[0]!.id });
    shown.onclick = () => window.focus();
  } catch {
    // Some hosts expose the API but refuse to construct notifications outside a service worker.
  }
}

/** Alerts raised within this long of each other (one pull's evaluation) make one notice. */
const BURST_MS = 300;

/**
 * While a project is open, every alert the engine raises (a pull from here, another window or the
 * CLI) shows as an in-app notice — one per pull, however many windows it judged — that stays until
 * dismissed unless only informational, and as a desktop notification when the user allowed them
 * (Monitor › Alerts offers to turn them on).
 */
export function useAlertNotices(): void {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  useEffect(() => {
    if (!client) return;
    let burst: Alert[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      const alerts = burst;
      burst = [];
      notify(alerts.every((a) => a.severity === 'info') ? 'info' : 'error', noticeText(alerts));
      desktopNotification(alerts);
    };
    const off = client.on('alert.raised', (alert) => {
      burst.push(alert);
      clearTimeout(timer);
      timer = setTimeout(flush, BURST_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [client, notify]);
}
