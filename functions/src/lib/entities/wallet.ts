import { LicenceView } from '@yx/shared';
import * as z from 'zod';
import { parseRow, type Item } from './entity';

/**
 * 电子证照 (the wallet).
 * | e-licence     | USER#<userId> | ELIC#<licenceId>               | |
 * | e-licence use | USER#<userId> | ELICAUTH#<at>#<appNo>#<licence> | one authorisation per licence and application |
 */
export const keys = {
  licence: (userId: string, licenceId: string) => ({ pk: `USER#${userId}`, sk: `ELIC#${licenceId}` }),
  licencePrefix: 'ELIC#',
  licenceUse: (userId: string, at: string, appNo: string, licenceId: string) => ({ pk: `USER#${userId}`, sk: `ELICAUTH#${at}#${appNo}#${licenceId}` }),
  licenceUsePrefix: 'ELICAUTH#',
};

// `type` here is the licence's type (营业执照…): these rows are tagged with `entity`.
// A stored licence has the fields the wallet shows (the contract's view, whose number the service masks).
const LicenceSchema = LicenceView;
export type LicenceRecord = z.output<typeof LicenceSchema>;

export const Licence = {
  Schema: LicenceSchema,
  toItem: (userId: string, l: LicenceRecord): Item => ({ ...keys.licence(userId, l.id), entity: 'ELicence', ...l }),
  fromItem: (item: Item): LicenceRecord => parseRow(LicenceSchema, item),
};

const LicenceUseSchema = z.object({ licenceId: z.string(), appNo: z.string(), material: z.string(), authorisedAt: z.string(), holder: z.string() });

export const LicenceUse = {
  Schema: LicenceUseSchema,
  fromItem: (item: Item): z.output<typeof LicenceUseSchema> => parseRow(LicenceUseSchema, item),
  toItem: (u: z.output<typeof LicenceUseSchema>): Item => ({
    ...keys.licenceUse(u.holder, u.authorisedAt, u.appNo, u.licenceId),
    entity: 'ELicenceUse',
    ...u,
  }),
};
