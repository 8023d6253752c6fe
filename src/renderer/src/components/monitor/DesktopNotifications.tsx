import { useState } from 'react';
import { notificationPermission } from './useAlertNotices';

const WORDS: Record<ReturnType<typeof notificationPermission>, string> = {
  granted: 'Desktop notifications are on: a raised alert also shows as a system notification.',
  denied: 'Desktop notifications are blocked for this page; alerts still show as notices in the window. Allow notifications in the browser’s site settings to get them.',
  default: 'Desktop notifications are off.',
  unsupported: 'This browser cannot show desktop notifications; alerts show as notices in the window.',
};

/** Says whether raised alerts also become system notifications, and asks for the permission on a click. */
export function DesktopNotifications() {
  const [permission, setPermission] = useState(notificationPermission);
  return (
    <p data-testid="monitor-notifications" data-permission={permission}>
      {WORDS[permission]}{' '}
      {permission === 'default' && (
        <button type="button" className="button small" onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission(notificationPermission()))}>
          Turn on desktop notifications
        </button>
      )}
    </p>
  );
}
