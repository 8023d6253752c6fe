import { app, session, shell, type WebContents } from 'electron';
import { decideNavigation, decidePermission, type PolicyContext } from '../policy';

/**
 * Applies the security checklist to every webContents the app ever creates (items 5, 12–15):
 * in-place navigation only to the app's own pages, no new windows, no <webview>, web links to the
 * user's browser only when the pure policy allows, every permission refused unless allowed.
 * All decisions are made by the pure functions in src/main/policy (unit-tested).
 */
export function hardenApp(context: PolicyContext, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, context, log));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = decidePermission(permission, details.requestingUrl, context);
    if (!allowed) log(`refused permission ${permission} for ${details.requestingUrl}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin) => {
    if (!contents) return false;
    return decidePermission(permission, requestingOrigin, context);
  });
  // Device pickers (HID/serial/USB/Bluetooth) are never needed.
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

function openExternally(url: string, log: (line: string) => void): void {
  setImmediate(() => {
    shell.openExternal(url).catch((error: unknown) => log(`could not open ${url}: ${(error as Error).message}`));
  });
}

function hardenContents(contents: WebContents, context: PolicyContext, log: (line: string) => void): void {
  // A link the user follows in the page may go to their browser; a sub frame's navigation never does.
  const onNavigate = (event: { url: string; preventDefault(): void }, kind: 'navigation' | 'frame navigation') => {
    const decision = decideNavigation(event.url, 'navigate', context);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external' && kind === 'navigation') openExternally(event.url, log);
    else log(`blocked ${kind} to ${event.url}`);
  };
  contents.on('will-navigate', (event) => onNavigate(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) onNavigate(event, 'frame navigation');
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, 'navigate', context) !== 'allow') {
      event.preventDefault();
      log(`blocked redirect to ${event.url}`);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, 'new-window', context) === 'open-external') openExternally(url, log);
    else log(`blocked new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
}
