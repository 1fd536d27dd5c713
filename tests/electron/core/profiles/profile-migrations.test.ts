import { describe, expect, it } from 'vitest';

import { ProfileSchema } from '../../../../electron/contract';
import {
  BUILTIN_RECIPES,
  resolveRunSecret,
  WRONG_DEMO_SECRET,
} from '../../../../electron/core/profiles/builtin-profiles';
import {
  flavourOfSdkVersion,
  migrateProfileV1ToV2,
} from '../../../../electron/core/profiles/profile-migrations';

describe('migrateProfileV1ToV2()', () => {
  it('turns sdkVersion into a flavour and timeout into network.apiTimeoutMs', () => {
    const migrated = migrateProfileV1ToV2({ name: 'a', sdkVersion: '2.7.2', timeout: 6000 });

    expect(migrated).toMatchObject({ name: 'a', sdk: '2.x', network: { apiTimeoutMs: 6000 } });
    expect(migrated).not.toHaveProperty('sdkVersion');
    expect(migrated).not.toHaveProperty('timeout');
  });

  it('leaves a version 2 entry and a non-object untouched', () => {
    const current = { name: 'b', sdk: '0.6', network: {} };

    expect(migrateProfileV1ToV2(current)).toBe(current);
    expect(migrateProfileV1ToV2('junk')).toBe('junk');
  });

  it('maps every 0.6 release and anything unknown to 0.6', () => {
    expect(flavourOfSdkVersion('0.6.37')).toBe('0.6');
    expect(flavourOfSdkVersion(undefined)).toBe('0.6');
    expect(flavourOfSdkVersion(' 2.0.1')).toBe('2.x');
  });
});

describe('built-in recipes', () => {
  it('are valid sandbox profiles with unique ids and names', () => {
    for (const recipe of BUILTIN_RECIPES) {
      expect(ProfileSchema.safeParse(recipe.profile).success).toBe(true);
      expect(recipe.profile.server).toBe('sandbox');
    }
    expect(new Set(BUILTIN_RECIPES.map((recipe) => recipe.profile.id)).size).toBe(
      BUILTIN_RECIPES.length,
    );
    expect(new Set(BUILTIN_RECIPES.map((recipe) => recipe.profile.name)).size).toBe(
      BUILTIN_RECIPES.length,
    );
  });

  it('use the demo secret, except the wrong-secret recipe', () => {
    const wrong = BUILTIN_RECIPES.find((recipe) => recipe.expect === 'ERROR 4005');
    const good = BUILTIN_RECIPES.find(
      (recipe) => recipe.profile.id === 'builtin:credentials-success',
    );
    if (wrong === undefined || good === undefined) throw new Error('recipes missing');

    expect(resolveRunSecret(wrong.profile, null).secret).toBe(WRONG_DEMO_SECRET);
    expect(resolveRunSecret(good.profile, 'ignored').secret).toBe('demo-credentials-secret');
    // A saved copy prefers its vault secret and falls back to the demo secret.
    const copy = { ...good.profile, id: 'copy-1' };
    expect(resolveRunSecret(copy, 'mine')).toEqual({ secret: 'mine', source: 'vault' });
    expect(resolveRunSecret(copy, null)).toEqual({
      secret: 'demo-credentials-secret',
      source: 'demo',
    });
    expect(
      resolveRunSecret({ ...copy, server: 'https://api.example.test' }, null).secret,
    ).toBeNull();
  });
});
