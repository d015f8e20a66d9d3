// Settings (docs/sources.md, Online licensing "Settings and proxy", issue 12): cloud URL, proxy,
// connect timeout.
import { SettingsInput, type SettingsView } from '../../settings/settings.ts';
import { call, NoInput } from '../define.ts';

export const settingsCalls = {
  'settings.get': call<SettingsView>()(
    NoInput,
    'Settings: the cloud URL, the HTTP(S) proxy and the connect timeout',
  ),
  'settings.set': call<SettingsView>()(
    SettingsInput,
    'Change Settings; the proxy password goes to the keychain, never into the settings file',
  ),
};
