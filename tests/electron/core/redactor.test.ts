import { describe, expect, it } from 'vitest';

import { Redactor } from '../../../electron/core/redactor';

const CREDENTIALS = 'ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D';
const DECODED = 'ZMhFOe3III4+ZqzfBpMF6d1OT+g=';

describe('Redactor', () => {
  describe('scrub()', () => {
    it('replaces a value in its registered, decoded and query-mangled forms', () => {
      const redactor = new Redactor();
      redactor.register('credentials', CREDENTIALS);
      const marker = redactor.markerFor('credentials', CREDENTIALS);

      const out = redactor.scrub({
        url: `/api/k/r/s/2?cred=${CREDENTIALS}&rand=1`,
        decoded: `cred was ${DECODED}`,
        spaced: DECODED.replace(/\+/g, ' '),
        [DECODED]: 'as a key',
      });

      expect(JSON.stringify(out)).not.toContain('ZMhFOe3III4');
      expect(out.url).toBe(`/api/k/r/s/2?cred=${marker}&rand=1`);
      expect(Object.keys(out)).toContain(marker);
    });

    it('gives equal values equal markers and other salts other markers', () => {
      const a = new Redactor(Buffer.alloc(32, 1));
      const b = new Redactor(Buffer.alloc(32, 2));

      expect(a.markerFor('secret', 'value-1')).toBe(a.markerFor('secret', 'value-1'));
      expect(a.markerFor('secret', 'value-1')).not.toBe(a.markerFor('secret', 'value-2'));
      expect(a.markerFor('secret', 'value-1')).not.toBe(b.markerFor('secret', 'value-1'));
      expect(a.markerFor('token', 'value-1')).toMatch(/^\[REDACTED:token#[0-9a-f]{8}\]$/);
    });

    it('replaces a longer value whole when it contains a shorter one', () => {
      const redactor = new Redactor();
      redactor.register('token', 'abcd');
      redactor.register('roomCred', 'xxabcdxx');

      expect(redactor.scrubText('xxabcdxx')).toBe(redactor.markerFor('roomCred', 'xxabcdxx'));
    });

    it('replaces a string exactly as long as the shortest value, and nests into arrays', () => {
      const redactor = new Redactor();
      redactor.register('token', 'wxyz');
      redactor.register('secret', 'a-much-longer-secret');
      const marker = redactor.markerFor('token', 'wxyz');

      const out = redactor.scrub({ exact: 'wxyz', short: 'wxy', list: [{ deep: ['wxyz'] }] });

      expect(out).toEqual({ exact: marker, short: 'wxy', list: [{ deep: [marker] }] });
    });

    it('copies own fields only, so the original event is never changed', () => {
      const redactor = new Redactor();
      redactor.register('token', 'wxyz');
      const inherited = Object.create({ fromPrototype: 'wxyz' }) as Record<string, unknown>;
      inherited.own = 'token wxyz';

      const out = redactor.scrub(inherited);

      expect(out).toEqual({ own: `token ${redactor.markerFor('token', 'wxyz')}` });
      expect(Object.keys(out)).toEqual(['own']);
      expect(inherited.own).toBe('token wxyz');
    });
  });

  describe('revealMap()', () => {
    it('returns each value as it was registered, not an encoded form of it', () => {
      const redactor = new Redactor();
      redactor.register('credentials', CREDENTIALS);

      const map = redactor.revealMap();

      expect(map.get(redactor.markerFor('credentials', CREDENTIALS))).toBe(CREDENTIALS);
      expect(map.size).toBe(1);
    });
  });
});
