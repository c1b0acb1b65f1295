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
 * | application         | APP#<appNo>           | APP         | USERAPP#<userId> / <submittedAt>#<appNo> |
 * | application event   | APP#<appNo>           | EVT#<at>#<n>| —               |
 * | bundle application  | APP#<appNo>           | APP (kind bundle, children listed) | same as application |
 * | number sequence     | SEQ#APP               | <yyyymmdd>  | —               |
 * | idempotency record  | IDEM#<userId>#<key>   | IDEM        | —               |
 * | draft               | USER#<userId>         | DRAFT#<formId> | —            |
 * | inbox message       | USER#<userId>         | MSG#<at>#<id> | —             |
 * | e-licence (wallet)  | USER#<userId>         | ELIC#<licenceId> | —          |
 * | e-licence use       | USER#<userId>         | ELICAUTH#<at>#<appNo> | —     |
 * | uploaded file       | FILE#<fileId>         | FILE        | —               |
 * | outbox (subscribe msg) | OUTBOX#<yyyymmdd>  | <at>#<id>   | —               |
 * | rate-limit window   | RATE#<bucket>         | <window>    | — (ttl)         |
 * | deferred material due | DUE#<yyyy-mm-dd>    | <appNo>#<n> | —               |
 * | working-day calendar | CONFIG               | CALENDAR    | —               |
 * | dashboard counters  | COUNT#DEPT#<id> / COUNT#DISTRICT | ALL, W#<yyyy-Www> | —  |
 * | department queue    | (on the application)  |             | gsi2 DEPTQ#<deptId> / <deadline>#<appNo> |
 * | opinion task (并联) | APP#<appNo>           | OPN#<deptId> | gsi2 DEPTOPN#<deptId> / <due>#<appNo> |
 * | opinion due date    | OPNDUE#<date>         | <appNo>#<deptId> | —           |
 * | rectification (整改) | APP#<appNo>          | RECT        | gsi2 DEPTRECT#<deptId> / <due>#<appNo> |
 * | team member         | TEAMMEMBER#<teamId>   | <userId>    | — (who to notify when an order arrives) |
 * | work orders         | see functions/src/workorders/repository.ts (WO#, WOGEO#, WOALL#, gsi3 STREETWO#) |
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
  application: (appNo: string) => ({ pk: `APP#${appNo}`, sk: 'APP' }),
  appPk: (appNo: string) => `APP#${appNo}`,
  appEvent: (appNo: string, at: string, n: number) => ({ pk: `APP#${appNo}`, sk: `EVT#${at}#${String(n).padStart(3, '0')}` }),
  userAppsIndex: (userId: string, submittedAt: string, appNo: string) => ({ gsi1pk: `USERAPP#${userId}`, gsi1sk: `${submittedAt}#${appNo}` }),
  userAppsPk: (userId: string) => `USERAPP#${userId}`,
  appSequence: (day: string) => ({ pk: 'SEQ#APP', sk: day }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEM#${userId}#${key}`, sk: 'IDEM' }),
  draft: (userId: string, formId: string) => ({ pk: `USER#${userId}`, sk: `DRAFT#${formId}` }),
  message: (userId: string, at: string, id: string) => ({ pk: `USER#${userId}`, sk: `MSG#${at}#${id}` }),
  userPk: (userId: string) => `USER#${userId}`,
  licence: (userId: string, licenceId: string) => ({ pk: `USER#${userId}`, sk: `ELIC#${licenceId}` }),
  licenceUse: (userId: string, at: string, appNo: string) => ({ pk: `USER#${userId}`, sk: `ELICAUTH#${at}#${appNo}` }),
  file: (fileId: string) => ({ pk: `FILE#${fileId}`, sk: 'FILE' }),
  outbox: (day: string, at: string, id: string) => ({ pk: `OUTBOX#${day}`, sk: `${at}#${id}` }),
  rateWindow: (bucket: string, window: string) => ({ pk: `RATE#${bucket}`, sk: window }),
  due: (date: string, appNo: string, n: number) => ({ pk: `DUE#${date}`, sk: `${appNo}#${n}` }),
  calendar: { pk: 'CONFIG', sk: 'CALENDAR' },
  /** a department's open applications, soonest deadline first (gsi2) */
  deptQueue: (departmentId: string, deadline: string, appNo: string) => ({ gsi2pk: `DEPTQ#${departmentId}`, gsi2sk: `${deadline}#${appNo}` }),
  deptQueuePk: (departmentId: string) => `DEPTQ#${departmentId}`,
  /** 并联审批: an opinion task lives in its application's partition, listed per department on gsi2 */
  opinion: (appNo: string, departmentId: string) => ({ pk: `APP#${appNo}`, sk: `OPN#${departmentId}` }),
  deptOpinions: (departmentId: string, due: string, appNo: string) => ({ gsi2pk: `DEPTOPN#${departmentId}`, gsi2sk: `${due}#${appNo}` }),
  deptOpinionsPk: (departmentId: string) => `DEPTOPN#${departmentId}`,
  opinionDue: (due: string, appNo: string, departmentId: string) => ({ pk: `OPNDUE#${due}`, sk: `${appNo}#${departmentId}` }),
  /** 好差评整改: one task per badly rated application, listed per department on gsi2 */
  rectification: (appNo: string) => ({ pk: `APP#${appNo}`, sk: 'RECT' }),
  deptRectifications: (departmentId: string, due: string, appNo: string) => ({ gsi2pk: `DEPTRECT#${departmentId}`, gsi2sk: `${due}#${appNo}` }),
  deptRectificationsPk: (departmentId: string) => `DEPTRECT#${departmentId}`,
  /** an event written outside a version-checked change (opinion answers, supervision notes) */
  sideEvent: (appNo: string, at: string, tag: string) => ({ pk: `APP#${appNo}`, sk: `EVT#${at}#${tag}` }),
  /** a handling team's members (dept:<id> staff, grid:<street> officials), written when the account is provisioned */
  teamMember: (teamId: string, userId: string) => ({ pk: `TEAMMEMBER#${teamId}`, sk: userId }),
  teamMemberPk: (teamId: string) => `TEAMMEMBER#${teamId}`,
};
