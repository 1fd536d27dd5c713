import { describe, expect, it } from 'vitest';

import { buildApiHeaders, buildSocketQuery } from '../../../electron/core/api-headers';
import { SDK_VERSION_HEADER } from '../../../electron/core/version';

describe('buildApiHeaders()', () => {
  it('sends the 0.6.x XHR headers and no Origin when there is none', () => {
    expect(buildApiHeaders('0.6', null)).toEqual({
      Skylink_SDK_version: SDK_VERSION_HEADER['0.6'],
      Skylink_SDK_type: 'WEB_SDK',
    });
  });

  it('sends the four 2.x fetch headers', () => {
    expect(buildApiHeaders('2.x', null)).toEqual({
      Skylink_SDK_type: 'Web SDK',
      Skylink_SDK_version: SDK_VERSION_HEADER['2.x'],
      Skylink_API_version: '9.0.0',
      'X-Server-Select': 'sig-v2',
    });
  });

  it('adds the Origin in either flavour when the plan has one', () => {
    expect(buildApiHeaders('0.6', 'https://app.example.com').Origin).toBe(
      'https://app.example.com',
    );
    expect(buildApiHeaders('2.x', 'https://app.example.com').Origin).toBe(
      'https://app.example.com',
    );
  });
});

describe('buildSocketQuery()', () => {
  it('carries the SDK type and version, plus the API and server-select headers in 2.x', () => {
    expect(buildSocketQuery('0.6')).toEqual({
      Skylink_SDK_type: 'WEB_SDK',
      Skylink_SDK_version: SDK_VERSION_HEADER['0.6'],
    });
    expect(buildSocketQuery('2.x')['X-Server-Select']).toBe('sig-v2');
  });
});
