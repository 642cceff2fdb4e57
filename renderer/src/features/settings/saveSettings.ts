import type { Settings } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';

/**
 * Each Settings section saves only its own fields onto the latest saved settings, so saving one
 * section never puts back another section's older values.
 */
export async function saveSettingsPart(part: Partial<Settings>): Promise<Settings> {
  const current = await call('settings:get', {});
  return call('settings:save', { ...current, ...part });
}
