// The renderer's Content-Security-Policy. Shared by the Electron shell (response header) and the
// browser host; index.html carries the same policy in a meta tag. No electron import here.
//
// style-src needs 'unsafe-inline': Mantine and FullCalendar inject <style> elements at runtime.
// Scripts stay 'self' only: no inline script, no eval.
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * The same policy for index.html's <meta http-equiv> tag: frame-ancestors is dropped because
 * browsers ignore it (with a console warning) when it is delivered by a meta element.
 */
export const META_CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
