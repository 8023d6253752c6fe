import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, decidePermission } from '../../../src/main/policy/permissions';

describe('decidePermission', () => {
  it('allows sanitized clipboard writes from the app page and origin', () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://mlcycle/index.html')).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'app://mlcycle')).toBe(true);
  });

  it('allows desktop notifications (monitoring alerts) from the app page only', () => {
    expect(decidePermission('notifications', 'app://mlcycle/index.html')).toBe(true);
    expect(decidePermission('notifications', 'https://example.com/')).toBe(false);
  });

  it('allows it from the dev server only when one is given', () => {
    expect(decidePermission('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', 'http://localhost:5173/', { devServerUrl: 'http://localhost:5173' })).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'midi',
    'midiSysex',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'pointerLock',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown',
    'idle-detection',
    'window-management',
  ])('denies %s even to the app', (permission) => {
    expect(decidePermission(permission, 'app://mlcycle/index.html')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'app://mlcycle.evil/',
    'app://evil/',
    'file:///index.html',
    'data:text/html,x',
    'null',
    '',
  ])('denies the allowed permission to %s', (url) => {
    expect(decidePermission('clipboard-sanitized-write', url)).toBe(false);
  });

  it('denies when the requester is unknown', () => {
    expect(decidePermission('clipboard-sanitized-write', undefined)).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', null)).toBe(false);
  });

  it('keeps the allow-list to those two entries', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write', 'notifications']);
  });
});
