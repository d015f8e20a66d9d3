// Bridge calls for the Licensing view.
import { call, NoInput } from '../define.ts';
import type { LicenseView } from '../../domain/license.ts';

export const licenseCalls = {
  'licenses.list': call<LicenseView[]>()(NoInput, "The signed-in account's licenses"),
};
