// Electron security baseline (electronjs.org/docs/latest/tutorial/security, items 5, 7, 13, 14, 15):
// the app shows only its own bundled page, so every navigation, new window, <webview> and
// permission request is refused, and the only way out is an https link opened in the browser.
import { shell, type App, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';

/** True only for absolute https: URLs without embedded credentials: the only links we hand to the OS. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Opens an https URL in the user's browser; anything else (file:, javascript:, smb:, custom schemes) is refused. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const vettedUrl = new URL(url).href;
  // Electronegativity flags every non-literal openExternal for manual review; reviewed: vettedUrl
  // passed isSafeExternalUrl (https only) just above, so the check is disabled on this line only.
  await shell.openExternal(vettedUrl); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}

/** Locks down one WebContents: no navigation, no new windows (https links go to the browser), no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    // The renderer is a single page: any navigation means a clicked link or an injected redirect.
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Denies every permission request (camera, notifications, geolocation ...) and every permission check. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Adds the Content-Security-Policy header to every response (index.html carries the same policy as a meta tag). */
export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Installs the baseline: hardens every WebContents ever created and locks down the default session. */
export function installSecurityBaseline(app: App, session: Session): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  denyAllPermissions(session);
  applyContentSecurityPolicy(session);
}
