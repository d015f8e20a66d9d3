// Compile-time proof that the API schemas carry exactly the domain view types the desktop uses.
import type { Static } from 'typebox';
import type { AccountView, DemoAccount } from '../domain/account.ts';
import type { LicenseView, ProductView } from '../domain/license.ts';
import type * as S from './schemas.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const _accountFits: Same<Static<typeof S.AccountView>, AccountView> = true;
export const _licenseFits: Same<Static<typeof S.LicenseView>, LicenseView> = true;
export const _productFits: Same<Static<typeof S.ProductView>, ProductView> = true;
export const _demoFits: Same<Static<typeof S.DemoAccountList>[number], DemoAccount> = true;
