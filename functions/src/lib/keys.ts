/**
 * Every key of the single table, in one place. Repositories build keys only through these.
 *
 * | entity              | pk                    | sk          | gsi1pk / gsi1sk |
 * |---------------------|-----------------------|-------------|-----------------|
 * | user profile        | USER#<userId>         | PROFILE     | —               |
 * | openid → user       | OPENID#<openid>       | USER        | —               |
 * | ID number guard     | IDNO#<hmac(id)>       | USER        | —               |
 * | enterprise          | ENT#<creditCode>      | PROFILE     | —               |
 * | service item        | SVC#<itemId>          | ITEM        | —               |
 * | bundle (一件事)     | BUNDLE#<bundleId>     | BUNDLE      | —               |
 * | department          | DEPT#<deptId>         | DEPT        | —               |
 * | catalogue summary   | CATALOG               | SHARD#<n>   | —               |
 */
export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  idNumberGuard: (hash: string) => ({ pk: `IDNO#${hash}`, sk: 'USER' }),
  enterprise: (creditCode: string) => ({ pk: `ENT#${creditCode}`, sk: 'PROFILE' }),
  serviceItem: (id: string) => ({ pk: `SVC#${id}`, sk: 'ITEM' }),
  bundle: (id: string) => ({ pk: `BUNDLE#${id}`, sk: 'BUNDLE' }),
  department: (id: string) => ({ pk: `DEPT#${id}`, sk: 'DEPT' }),
  catalogShard: (n: number) => ({ pk: 'CATALOG', sk: `SHARD#${String(n).padStart(3, '0')}` }),
  catalogPk: 'CATALOG',
};
