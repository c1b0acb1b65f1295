import { createHash } from 'node:crypto';
import {
  addWorkingDays,
  asksUpload,
  buildAnswersSchema,
  deferralQuota,
  businessDate,
  canRate,
  canSupplement,
  canWithdraw,
  checkDeferrals,
  DEFERRAL_WORKING_DAYS,
  deadlineStatus,
  describeIssues,
  formatAppNo,
  formForBundle,
  formForItem,
  formLabels,
  maskName,
  nextAction,
  OPEN_STATES,
  identityMismatches,
  statutoryClock,
  isProvisional,
  isDisclosure,
  issuesDocument,
  PROVISIONAL_NOTE,
  prefillAnswers,
  RATING_NAMES,
  STATE_NAMES,
  workingDaysBetween,
  APPLICATION_STATES_CLOSED,
  type ApplicationDetail,
  DELIVERY_NAMES,
  EXCLUDED_KINDS,
  FILES_MAX,
  type DeliveryRequest,
  type ApplicationState,
  type ApplicationSummary,
  type CalendarData,
  type FieldDef,
  type FileRef,
  type FormDef,
  type Rating,
  type Receipt,
  type ServiceItem,
  type SubmitRequest,
  type TimelineEntry,
  waitsAtSubmission,
} from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { claimGuardItem, policyClaimFor } from '../policies/claims';
import { AppError, badRequest, conflict, notFound, ruleViolation } from '../lib/errors';
import { hashSecret, newQueryCode } from '../lib/ids';
import { limiter } from '../lib/rateLimit';
import { firmActor } from '../identity/firms';
import { getCurrentItem, getServiceItemAt, loadCatalog } from '../guide/repository';
import { enterpriseLookup, firmAgentLookup, getEnterprise, type UserRecord } from '../identity/repository';
import { readyFileOf, viewUrls } from '../files/service';
import { getLicence, licenceLookup, listLicences } from '../wallet/repository';
import * as repo from './repository';
import { awardPointsQuietly, RATING_POINTS } from '../member/service';
import { isConditionFailure, readAll } from '../lib/db';
import { idempotencyLookup } from '../lib/repository';
import { fileLookup } from '../files/repository';
import { bundleFollowUp, bundleView } from './bundles';
import { disclosureView } from './disclosure';

// ---- forms ----------------------------------------------------------------------------------

interface FormTarget {
  form: FormDef;
  items: ServiceItem[];
  bundleId?: string;
  /** 一件事: which items wait for another's result (issue 16) */
  dependsOn?: Partial<Record<string, string[]>>;
  formId: string;
  /** each item's catalogue version, recorded on the application (issue 16) */
  versions: Record<string, number>;
}

/** The form of an item or a 一件事 bundle; formId is item-<id> or bundle-<id>. */
export async function loadForm(target: { itemId?: string; bundleId?: string }): Promise<FormTarget> {
  if (target.itemId) {
    const current = await getCurrentItem(target.itemId);
    if (!current) throw notFound('未找到该办事事项');
    const { item } = current;
    if (!item.online) throw ruleViolation('该事项暂不支持网上申办，请到窗口办理');
    return { form: formForItem(item), items: [item], formId: `item-${item.id}`, versions: { [item.id]: current.version } };
  }
  const cat = await loadCatalog();
  const bundle = cat.bundles.find((b) => b.id === target.bundleId);
  if (!bundle) throw notFound('未找到该“一件事”主题');
  const found = (await Promise.all(bundle.itemIds.map((id) => getCurrentItem(id)))).filter((i) => i !== undefined);
  const items = found.map((c) => c.item);
  const versions = Object.fromEntries(found.map((c) => [c.item.id, c.version]));
  return { form: formForBundle(bundle, items), items, bundleId: bundle.id, dependsOn: bundle.dependsOn, formId: `bundle-${bundle.id}`, versions };
}

export const parseFormId = (formId: string) => (formId.startsWith('item-') ? { itemId: formId.slice(5) } : { bundleId: formId.slice(7) });

function requireApplicant(user: UserRecord, items: ServiceItem[]): UserRecord {
  const forFirms = items.every((i) => i.audience.includes('enterprise') && !i.audience.includes('person'));
  if (forFirms && (user.role !== 'enterprise' || !user.enterpriseCode)) throw ruleViolation('该事项需以企业身份办理，请先在“我的”中绑定企业');
  if (!user.idNumber) throw ruleViolation('网上申办需要先完成实名认证（我的 → 实名认证）');
  if (assuranceNeeded(items) === 2 && user.idLevel !== 2) throw ruleViolation(NEEDS_FACE);
  return user;
}

/** The level of assurance an application of these items needs: the highest any of them states (L2 unless said). */
export const assuranceNeeded = (items: ServiceItem[]): 1 | 2 => (items.some((i) => (i.assurance ?? 2) === 2) ? 2 : 1);

export const NEEDS_FACE = '该事项需要通过人脸核验完成实名认证（我的 → 实名认证 → 人脸核验）。网页版无法进行人脸核验，请在“越秀政务”微信小程序中办理';

/** Everything the apply page needs at once: the form, pre-filled answers, draft, wallet, 容缺 quota. */
export async function getFormForApplicant(user: UserRecord, formId: string, policyItemId?: string) {
  const userId = user.id;
  const target = await loadForm(parseFormId(formId));
  const ent = user.enterpriseCode ? await getEnterprise(user.enterpriseCode) : undefined;
  // 政策兑现: the item claimed and the firm's judgement (refused here already when it cannot be claimed)
  const policy = policyItemId ? await policyClaimFor(ent, policyItemId, onlyItem(target)) : undefined;
  // the latest applications (one query): the newest fills 少填 fields, and any for these items still being handled is named
  const [licences, draft, latest] = await Promise.all([
    listLicences(userId),
    repo.getDraft(userId, target.formId),
    repo.listByApplicant(userId, undefined, 20),
  ]);
  const itemIds = new Set(target.items.map((i) => i.id));
  const inProgress = latest.items
    .filter((a) => itemIds.has(a.itemId) && !APPLICATION_STATES_CLOSED.includes(a.state))
    .map((a) => ({ appNo: a.appNo, itemName: a.itemName, stateName: STATE_NAMES[a.state], submittedAt: a.submittedAt }));
  // 少填: what the person typed in their latest application fills the same fields here (never files)
  const earlier = latest.items[0]?.answers ?? {};
  const reusable = Object.fromEntries(
    target.form.fields
      .filter(
        (f) =>
          f.type !== 'file' &&
          earlier[f.key] !== undefined &&
          (['address', 'phone', 'text', 'textarea'].includes(f.type) || f.key === 'street') &&
          !f.prefill?.startsWith('id'),
      )
      .map((f) => [f.key, earlier[f.key]]),
  );
  const prefill = {
    ...reusable,
    ...prefillAnswers(target.form, {
      realName: user.realName,
      idNumber: user.idNumber,
      phone: user.phone,
      enterpriseName: ent?.name,
      creditCode: ent?.creditCode,
      legalRepresentative: ent?.legalRepresentative,
      address: ent?.address,
      street: ent?.street ?? user.street,
    }),
    // 政策兑现: the amount the firm's facts give, where the form asks for one
    ...(policy?.amountYuan !== undefined && target.form.fields.some((f) => f.key === 'claimAmount') ? { claimAmount: policy.amountYuan } : {}),
  };
  const eLicenceTypes = new Map<string, string | null>();
  for (const i of target.items) for (const m of i.materials) if (!eLicenceTypes.has(m.name)) eLicenceTypes.set(m.name, m.eLicence);
  const requiredMaterials = target.form.fields.filter((f) => f.type === 'file' && f.required);
  const grade = ent?.grade;
  // 容缺: only on items the departments opened to it, for firms of a good grade
  const itemOpen = target.items.every((i) => i.deferrable);
  const quota = grade && itemOpen ? deferralQuota(grade, requiredMaterials.length) : 0;
  return {
    formId: target.formId,
    form: target.form,
    itemNames: target.items.map((i) => i.name),
    prefill,
    draft,
    verified: Boolean(user.idNumber),
    assurance: { needed: assuranceNeeded(target.items), level: user.idLevel === 2 ? 2 : 1 },
    licences: licences.map((l) => ({ ...l, number: l.number.length > 8 ? `${l.number.slice(0, 4)}****${l.number.slice(-4)}` : l.number })),
    /** for each file field, the licence type that can replace it (null: upload only) */
    licenceTypes: Object.fromEntries(target.form.fields.filter((f) => f.type === 'file').map((f) => [f.key, eLicenceTypes.get(f.materialName ?? '') ?? null])),
    tolerance: { grade: grade ?? null, quota, dueWorkingDays: DEFERRAL_WORKING_DAYS, itemOpen },
    inProgress,
    ...(policy ? { policy } : {}),
  };
}

/** A policy is claimed through one item's form, never a bundle's. */
function onlyItem(target: { items: ServiceItem[]; bundleId?: string }): string {
  if (target.bundleId || target.items.length !== 1) throw badRequest('政策兑现只能通过单个事项申请');
  return target.items[0].id;
}

// ---- submit ---------------------------------------------------------------------------------

const hashRequest = (r: SubmitRequest) => createHash('sha256').update(JSON.stringify(r)).digest('hex');

async function receiptFor(appNos: string[], queryCode?: string): Promise<Receipt> {
  const apps = (await Promise.all(appNos.map((n) => repo.getApplication(n)))).filter((a): a is repo.ApplicationRecord => Boolean(a));
  return receiptOf(apps, queryCode);
}

/** The receipt of just-written applications (no re-read). */
async function receiptOf(apps: repo.ApplicationRecord[], queryCode?: string): Promise<Receipt> {
  const cal = await getCalendar();
  const first = apps[0];
  const longest = apps.reduce((a, b) => (b.promisedDays > a.promisedDays ? b : a), first);
  const statutory = apps.reduce((a, b) => (b.statutoryDays > a.statutoryDays ? b : a), first);
  return {
    appNo: first.appNo,
    ...(queryCode ? { queryCode } : {}),
    itemName: apps.length > 1 ? `${apps.length} 个事项联办` : first.itemName,
    departmentName: [...new Set(apps.map((a) => a.departmentName))].join('、'),
    submittedAt: first.submittedAt,
    promisedDays: longest.promisedDays,
    statutoryDays: statutory.statutoryDays,
    promisedDeadline: addWorkingDays(first.startDate, longest.promisedDays, cal),
    statutoryDeadline: addWorkingDays(first.startDate, statutory.statutoryDays, cal),
    ...(isProvisional(addWorkingDays(first.startDate, statutory.statutoryDays, cal), cal) ? { deadlineNote: PROVISIONAL_NOTE } : {}),
    nextSteps: [
      '部门将在 1 个工作日内进行受理审查，结果会通过“消息”通知您',
      '可随时在“我的办件”或凭办件编号和查询码查询进度',
      ...(first.deferred.length ? [`请在 ${first.deferred[0].dueDate} 前补交容缺材料，逾期将转为补正`] : []),
      ...(apps.some((a) => a.state === 'waiting')
        ? [
            `${apps
              .filter((a) => a.state === 'waiting')
              .map((a) => `“${a.itemName}”`)
              .join('、')}需要前一事项的结果，前一事项办结后自动转交部门办理，届时开始计时`,
          ]
        : []),
    ],
    linked: apps.map((a) => ({ appNo: a.appNo, itemName: a.itemName, departmentName: a.departmentName })),
    deferred: first.deferred,
  };
}

function fileFieldsOf(form: FormDef): FieldDef[] {
  return form.fields.filter((f) => f.type === 'file');
}

/**
 * 网上申办: validates against the item's form, checks every file and e-licence belongs to the
 * applicant, applies 容缺 by the firm's credit grade, and writes every linked application at once.
 * The idempotency key makes a double tap or a retry return the first result.
 */
/** Someone acting for the applicant (亲友代办): named in the trail; their own uploads count as the applicant's. */
export interface ActingRelative {
  actor: string;
  uploaderId: string;
}

/** 提交申请, by the applicant or a relative acting for them. */
export async function submitApplication(
  caller: UserRecord,
  idemKey: string,
  req: SubmitRequest,
  acting?: ActingRelative,
): Promise<{ status: number; receipt: Receipt }> {
  const userId = caller.id;
  const requestHash = hashRequest(req);
  // the form and its checks need no store call (items are cached); the same body always passes or fails them alike
  try {
    return await submitChecked(caller, idemKey, req, requestHash, acting);
  } catch (e) {
    // a key reused for a different request is told so, even when that request is also invalid
    if (e instanceof AppError && e.status < 500 && e.status !== 409) {
      const earlier = await repo.getIdempotent(userId, idemKey);
      if (earlier && earlier.requestHash !== requestHash) throw conflict('这次提交的凭证已用于另一份申请，请刷新页面后重新提交');
    }
    throw e;
  }
}

async function submitChecked(
  caller: UserRecord,
  idemKey: string,
  req: SubmitRequest,
  requestHash: string,
  acting?: ActingRelative,
): Promise<{ status: number; receipt: Receipt }> {
  const userId = caller.id;
  const target = await loadForm(req);
  const user = requireApplicant(caller, target.items);
  const fileFields = fileFieldsOf(target.form);
  const deferredFields = req.deferred.map((name) => fileFields.find((f) => f.materialName === name || f.label === name));
  if (deferredFields.some((f) => !f)) throw badRequest('容缺的材料不在本事项的材料清单中');
  const deferredKeys = new Set(deferredFields.map((f) => f!.key));
  const form: FormDef = { ...target.form, fields: target.form.fields.map((f) => (deferredKeys.has(f.key) ? { ...f, required: false } : f)) };
  const parsed = buildAnswersSchema(form).safeParse(req.answers);
  if (!parsed.success) {
    const details = describeIssues(parsed.error, formLabels(form)).map((d) => ({ ...d, field: `answers.${d.field}` }));
    throw new AppError(400, 'VALIDATION_FAILED', `表单填写有误：${details.map((d) => d.message).join('；')}`, details);
  }
  const answers = parsed.data;
  for (const k of deferredKeys) if (answers[k]) throw badRequest('已容缺的材料不需要再上传，请取消容缺或移除该材料');
  const given = fileFields.flatMap((f) => ((answers[f.key] as FileRef[] | undefined) ?? []).map((ref) => ({ field: f, ref })));
  const uploads = given.filter((r) => r.ref.kind === 'upload').map((r) => ({ ...r, fileId: (r.ref as { fileId: string }).fileId }));
  const eLicences = given.filter((r) => r.ref.kind === 'elicence').map((r) => ({ ...r, licenceId: (r.ref as { licenceId: string }).licenceId }));

  // one read for everything the submit depends on: an earlier submit under this key, the firm, every file and e-licence
  const found = await readAll(
    {
      earlier: [idempotencyLookup(userId, idemKey)],
      firm: user.enterpriseCode ? [enterpriseLookup(user.enterpriseCode)] : [],
      grant: user.enterpriseCode && user.firmRole === 'agent' ? [firmAgentLookup(user.enterpriseCode, userId)] : [],
      files: uploads.map((u) => fileLookup(u.fileId)),
      licences: eLicences.map((l) => licenceLookup(userId, l.licenceId)),
    },
    { consistent: true },
  );
  const earlier = found.earlier[0];
  if (earlier?.appNos) {
    if (earlier.requestHash !== requestHash) throw conflict('这次提交的凭证已用于另一份申请，请刷新页面后重新提交');
    return { status: 200, receipt: await receiptFor(earlier.appNos, earlier.queryCode) };
  }
  const ent = found.firm[0];
  // the applicant's name and ID (or firm) are the proven ones: another person's are refused, not only pre-filled over
  const mismatched = identityMismatches(target.form, answers, {
    realName: user.realName,
    idNumber: user.idNumber,
    enterpriseName: ent?.name,
    creditCode: ent?.creditCode,
  });
  if (mismatched.length) {
    throw ruleViolation(`${mismatched.join('、')}与实名认证的信息不一致：申请人只能是您本人${acting ? '（或授权您代办的亲友）' : ''}，请改回实名信息后提交`);
  }
  // a firm acts through its legal representative or an agent within the grant's scope (经办人授权), named in the trail
  const actor =
    acting?.actor ??
    (ent ? firmActor(user, ent.name, found.grant[0], { itemIds: target.items.map((i) => i.id), commitment: req.deferred.length > 0 }) : '申请人');

  // 政策兑现: judged again now (the version and the judgement stay on the application); one application per firm and item
  const policy = req.policyItemId ? await policyClaimFor(ent, req.policyItemId, onlyItem(target)) : undefined;

  // 容缺: only for firms whose credit grade allows it, with the signed commitment
  if (req.deferred.length) {
    if (user.idLevel !== 2) throw ruleViolation('签署容缺信用承诺需要通过人脸核验完成实名认证'); // a commitment binds the signer
    const check = checkDeferrals({
      itemOpen: target.items.every((i) => i.deferrable),
      grade: ent?.grade ?? null,
      requiredMaterials: fileFields.filter((f) => f.required).map((f) => f.materialName ?? f.label),
      deferred: deferredFields.map((f) => f!.materialName ?? f!.label),
      commitmentSigned: Boolean(req.commitment?.signed),
    });
    if (!check.ok) throw ruleViolation(check.reason);
    if (!ent) throw ruleViolation('容缺受理仅适用于已绑定企业的申请人');
  }

  // every file must be the applicant's and ready; every e-licence theirs and of the right type
  uploads.forEach((u, i) => {
    const f = found.files[i];
    if (!f || (f.ownerId !== userId && f.ownerId !== acting?.uploaderId) || f.status !== 'ready')
      throw badRequest(`${u.field.label}：文件不存在或尚未上传完成，请重新上传`);
  });
  const materialTypes = new Map<string, string | null>();
  for (const i of target.items) for (const m of i.materials) if (!materialTypes.has(m.name)) materialTypes.set(m.name, m.eLicence);
  const licenceUses: { licenceId: string; material: string }[] = [];
  eLicences.forEach((l, i) => {
    const lic = found.licences[i];
    if (!lic) throw badRequest(`${l.field.label}：未找到该电子证照`);
    if (materialTypes.get(l.field.materialName ?? '') !== lic.type) throw badRequest(`${l.field.label}：该电子证照不能代替此材料`);
    licenceUses.push({ licenceId: l.licenceId, material: l.field.materialName ?? l.field.label });
  });

  const at = now();
  const atIso = at.toISOString();
  const cal = await getCalendar();
  const today = businessDate(at);
  const numbers = await repo.allocateNumbers(today.replace(/-/g, ''), target.items.length);
  const appNos = numbers.map((n) => formatAppNo(today, n));
  const queryCode = newQueryCode();
  const cat = await loadCatalog();
  const deptName = (id: string) => cat.departments.find((d) => d.id === id)?.name ?? id;
  const dueDate = addWorkingDays(today, DEFERRAL_WORKING_DAYS, cal);
  const linked = target.items.map((i, n) => ({ appNo: appNos[n], itemName: i.name }));
  // what the person provides: the 申请表 the form produces is the answers themselves, and shared materials reach the officer otherwise
  const materialsOf = (item: ServiceItem): repo.MaterialUse[] =>
    item.materials.filter(asksUpload).map((m) => {
      const field = fileFields.find((f) => f.materialName === m.name);
      const refs = (field ? (answers[field.key] as FileRef[] | undefined) : undefined) ?? [];
      if (field && deferredKeys.has(field.key)) return { name: m.name, source: 'deferred' };
      if (!refs.length) return { name: m.name, source: 'none' };
      const fileIds = refs.filter((r) => r.kind === 'upload').map((r) => (r as { fileId: string }).fileId);
      const licenceIds = refs.filter((r) => r.kind === 'elicence').map((r) => (r as { licenceId: string }).licenceId);
      return {
        name: m.name,
        source: licenceIds.length && !fileIds.length ? 'elicence' : 'upload',
        ...(fileIds.length ? { fileIds } : {}),
        ...(licenceIds.length ? { licenceIds } : {}),
      };
    });
  // 联系电话: the phone the form asked for, else the account's (from WeChat's button); the last 4 digits find the case
  const phoneField = target.form.fields.find((f) => f.type === 'phone' && typeof answers[f.key] === 'string' && answers[f.key]);
  const contactPhone = phoneField ? String(answers[phoneField.key]) : user.phone;
  // 一件事: an item that needs another's result waits for it (no queue, no clock) until that one is approved
  const itemIds = target.items.map((i) => i.id);
  const waits = (item: ServiceItem) => waitsAtSubmission(target.dependsOn, item.id, itemIds);
  // 依申请公开 (issue 19): the request goes to the body the person chose, and the 条例's clock runs from receipt (art. 31)
  const departmentOf = (item: ServiceItem) =>
    isDisclosure(item.id) && typeof answers.targetDepartment === 'string' ? answers.targetDepartment : item.departmentId;
  const apps: repo.ApplicationRecord[] = target.items.map((item, n) => ({
    appNo: appNos[n],
    itemId: item.id,
    itemVersion: target.versions[item.id] ?? 1,
    itemName: item.name,
    departmentId: departmentOf(item),
    departmentName: deptName(departmentOf(item)),
    ...(isDisclosure(item.id) ? { acceptedOn: today, disclosure: { receivedOn: today } } : {}),
    ...(typeof answers.street === 'string' ? { streetId: answers.street } : {}),
    ...(target.bundleId ? { bundleId: target.bundleId } : {}),
    linked: linked.filter((l) => l.appNo !== appNos[n]),
    applicantId: userId,
    applicantDisplay: (ent ? ent.name : maskName(user.realName)) ?? '申请人',
    ...(ent ? { enterpriseCode: ent.creditCode } : {}),
    state: waits(item) ? 'waiting' : 'submitted',
    version: 1,
    submittedAt: atIso,
    startDate: today,
    promisedDays: item.promisedDays,
    statutoryDays: item.statutoryDays,
    pausedDays: 0,
    delivery: item.delivery[0] ?? 'electronic',
    answers,
    materials: materialsOf(item),
    deferred: item.materials
      .filter((m) => fileFields.some((f) => f.materialName === m.name && deferredKeys.has(f.key)))
      .map((m) => ({ name: m.name, dueDate, handedIn: false })),
    ...(req.commitment && req.deferred.length ? { commitment: { signer: req.commitment.signer, at: atIso } } : {}),
    ...(policy ? { policy } : {}),
    queryCodeHash: hashSecret(`${appNos[n]}:${queryCode}`),
    ...(contactPhone ? { contactPhone, phoneHash: hashSecret(`${appNos[n]}:${contactPhone.slice(-4)}`) } : {}),
  }));
  const waitingFor = (a: repo.ApplicationRecord) =>
    (target.dependsOn?.[a.itemId] ?? []).map((id) => target.items.find((i) => i.id === id)?.name).filter((x): x is string => Boolean(x));
  const events: repo.EventRecord[] = apps.map((a) => ({
    at: atIso,
    actor,
    action: '提交申请',
    state: a.state,
    note:
      a.state === 'waiting'
        ? `等待“${waitingFor(a).join('”“')}”办结后转部门办理，届时开始计时`
        : a.deferred.length
          ? `容缺受理：${a.deferred.map((d) => d.name).join('、')}（已签署信用承诺，${a.deferred[0].dueDate} 前补交）`
          : undefined,
  }));
  try {
    await repo.saveSubmission({
      userId,
      idemKey,
      requestHash,
      apps,
      events,
      formId: target.formId,
      // one authorisation record per licence and application, however many materials it stands for
      licenceUses: [
        ...new Map(
          licenceUses.flatMap((u) =>
            apps
              .filter((a) => a.materials.some((m) => m.licenceIds?.includes(u.licenceId)))
              .map((a) => [`${a.appNo}#${u.licenceId}`, { ...u, appNo: a.appNo }] as const),
          ),
        ).values(),
      ],
      message: {
        userId,
        appNo: appNos[0],
        template: 'application_submitted',
        title: apps.length > 1 ? `“一件事”已提交（${apps.length} 个事项）` : `${apps[0].itemName} 已提交`,
        body: `办件编号 ${appNos[0]}${apps.length > 1 ? ` 等 ${apps.length} 件` : ''}，等待部门受理。`,
      },
      queryCode,
      deadlines: apps.map((a) => addWorkingDays(a.startDate, a.promisedDays, cal)),
      ...(policy && ent ? { extra: [claimGuardItem(ent.creditCode, policy.itemId, appNos[0], atIso)] } : {}),
    });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const winner = await repo.getIdempotent(userId, idemKey); // a parallel identical request won
    if (!winner) throw conflict('提交正在处理中，请稍后在“我的办件”查看');
    if (winner.requestHash !== requestHash) throw conflict('这次提交的凭证已用于另一份申请，请刷新页面后重新提交');
    return { status: 200, receipt: await receiptFor(winner.appNos, winner.queryCode) };
  }
  return { status: 201, receipt: await receiptOf(apps, queryCode) };
}

// ---- read -----------------------------------------------------------------------------------

function clock(app: repo.ApplicationRecord, cal: CalendarData) {
  const today = businessDate(now());
  const running = OPEN_STATES.includes(app.state);
  const status = deadlineStatus({ start: app.startDate, limitDays: app.promisedDays, today: app.pausedSince ?? today, pausedWorkingDays: app.pausedDays }, cal);
  return { running, status };
}

export function summaryOf(app: repo.ApplicationRecord, cal: CalendarData): ApplicationSummary {
  const { running, status } = clock(app, cal);
  return {
    appNo: app.appNo,
    itemName: app.itemName,
    departmentName: app.departmentName,
    state: app.state,
    stateName: STATE_NAMES[app.state],
    submittedAt: app.submittedAt,
    light: running ? status.light : null,
    remainingDays: running ? status.remainingDays : null,
    deadline: status.deadline,
    ...(isProvisional(status.deadline, cal) ? { deadlineNote: PROVISIONAL_NOTE } : {}),
    // only while the case runs: an ended or paused case shows no days left
    statutory: running ? statutoryClock(app, businessDate(now()), cal) : { started: Boolean(app.acceptedOn), deadline: null, remainingDays: null },
    ...(app.excludedPeriod ? { pausedFor: { name: EXCLUDED_KINDS[app.excludedPeriod.kind], since: app.excludedPeriod.since } } : {}),
    ...(app.policy ? { policy: app.policy } : {}),
  };
}

/** The applicant's and the public trail: internal notes (督办) stay with the departments. */
const timelineOf = (events: repo.EventRecord[]): TimelineEntry[] =>
  events
    .filter((e) => !e.internal)
    .map((e) => ({ at: e.at, actor: e.actor, action: e.action, ...(e.note ? { note: e.note } : {}), ...(e.state ? { state: e.state } : {}) }));

/** Only the applicant sees their application; to anyone else it does not exist. */
async function ownApplication(userId: string, appNo: string, firm?: string) {
  const { app, events, notices } = await repo.getApplicationWithEvents(appNo);
  // the applicant's own; for reading, also any of the firm's when the caller is its legal representative
  if (!app || (app.applicantId !== userId && !(firm && app.enterpriseCode === firm))) throw notFound('未找到该办件');
  return { app, events, notices };
}

/** 办件详情. `firm`: the caller is that firm's legal representative and may read its agents' applications. */
export async function getApplicationDetail(userId: string, appNo: string, firm?: string): Promise<ApplicationDetail> {
  const { app, events, notices } = await ownApplication(userId, appNo, firm);
  const documents = repo.documentsOf(app, notices);
  const [cal, files, item, bundle] = await Promise.all([
    getCalendar(),
    viewUrls([...app.materials.flatMap((m) => m.fileIds ?? []), ...(app.disclosure?.reply?.fileIds ?? [])]),
    getServiceItemAt(app.itemId, app.itemVersion), // as filed (issue 16)
    bundleView(app),
  ]);
  const { running, status } = clock(app, cal);
  return {
    ...summaryOf(app, cal),
    itemId: app.itemId,
    promisedDays: app.promisedDays,
    statutoryDays: app.statutoryDays,
    usedDays: running ? status.usedDays : null,
    timeline: timelineOf(events),
    nextAction: nextAction(app.state, { rated: Boolean(app.rating), delivery: app.delivery, disclosure: Boolean(app.disclosure) }),
    ...(app.supplementNotice
      ? { supplementNotice: { items: app.supplementNotice.items, ...(app.supplementNotice.dueDate ? { dueDate: app.supplementNotice.dueDate } : {}) } }
      : {}),
    deferred: app.deferred.map((d) => deferredView(d, cal)),
    materials: app.materials.map((m) => {
      const own = (m.fileIds ?? []).filter((id) => files.has(id)).map((id) => ({ fileId: id, ...files.get(id)! }));
      return { name: m.name, source: m.source, ...(own.length ? { files: own } : {}) };
    }),
    linked: app.linked,
    ...(app.rating ? { rating: { value: app.rating.value, ...(app.rating.comment ? { comment: app.rating.comment } : {}) } } : {}),
    ...(issuesDocument(app.itemId) ? { issuesDocument: true } : {}),
    ...(documents.length ? { documents } : {}),
    ...(item ? { delivery: deliveryView(app, item) } : {}),
    ...(bundle ? { bundle } : {}),
    ...(app.disclosure ? { disclosure: disclosureView(app, cal, files) } : {}),
  };
}

/** 结果送达 as the applicant sees it: the way chosen, where to pick up or the address it goes to, the tracking number. */
function deliveryView(app: repo.ApplicationRecord, item: ServiceItem): ApplicationDetail['delivery'] & object {
  const method = app.deliveryInfo?.method ?? app.delivery;
  return {
    method,
    options: item.delivery,
    chosen: Boolean(app.deliveryChosen),
    ...(method === 'pickup' ? { hall: item.hall, hours: item.hours } : {}),
    ...(method === 'post' && app.postTo ? { postTo: app.postTo } : {}),
    ...(app.deliveryInfo?.trackingNo ? { trackingNo: app.deliveryInfo.trackingNo } : {}),
    ...(app.deliveryInfo?.pickupCode ? { pickupCode: app.deliveryInfo.pickupCode } : {}),
    done: app.state === 'delivered',
  };
}

/** 领取方式: the applicant picks how the result reaches them, until it has been sent; post needs an address. */
export function chooseDelivery(userId: string, appNo: string, req: DeliveryRequest, actor = '申请人') {
  return change(userId, appNo, async (app, n) => {
    if (['delivered', 'denied', 'not_accepted', 'withdrawn', 'terminated'].includes(app.state))
      throw conflict(`办件${STATE_NAMES[app.state]}，不能再更改领取方式`);
    const item = await getServiceItemAt(app.itemId, app.itemVersion); // the ways the item offered when it was filed
    if (!item?.delivery.includes(req.method))
      throw ruleViolation(`本事项不提供“${DELIVERY_NAMES[req.method]}”，可选：${(item?.delivery ?? []).map((m) => DELIVERY_NAMES[m]).join('、')}`);
    const at = now().toISOString();
    const where = req.method === 'post' ? `（收件人 ${maskName(req.postTo.recipient) ?? ''}）` : req.method === 'pickup' ? `（${item.hall}）` : '';
    return {
      app,
      expectState: [app.state],
      eventIndex: n,
      set: { delivery: req.method, deliveryChosen: true, ...(req.method === 'post' ? { postTo: req.postTo } : {}) },
      remove: req.method === 'post' ? [] : ['postTo'],
      // the trail names the way, never the address or phone (it is read by every officer of the department)
      event: { at, actor, action: `选择领取方式：${DELIVERY_NAMES[req.method]}`, note: where || undefined },
    };
  });
}

const STATE_GROUPS: Record<string, ApplicationState[] | undefined> = {
  all: undefined,
  open: ['submitted', 'accepted', 'in_review', 'waiting'],
  action: ['supplement', 'approved'],
  ended: ['approved', 'denied', 'delivered', 'not_accepted', 'withdrawn', 'terminated'],
};

/** 我的办件, or with `firm` a firm's applications (the legal representative's view, whoever filed them). */
export async function listMine(userId: string, q: { state: string; limit: number; cursor?: string }, firm?: string) {
  const cal = await getCalendar();
  let cursor: string | null | undefined = q.cursor;
  const out: ApplicationSummary[] = [];
  // a state filter may thin a page; read on (bounded) until the page is full
  for (let i = 0; i < 5 && out.length < q.limit; i++) {
    const states = STATE_GROUPS[q.state];
    const page: Awaited<ReturnType<typeof repo.listByApplicant>> = firm
      ? await repo.listByFirm(firm, states, q.limit - out.length, cursor ?? undefined)
      : await repo.listByApplicant(userId, states, q.limit - out.length, cursor ?? undefined);
    out.push(...page.items.map((a) => summaryOf(a, cal)));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items: out, nextCursor: cursor ?? null };
}

// ---- lookup without login (进度查询) ---------------------------------------------------------

const lookupByClient = limiter('lookup-client', { limit: 10, windowSeconds: 600, message: '查询失败次数过多，请 10 分钟后再试' });
const lookupByNumber = limiter('lookup-number', { limit: 20, windowSeconds: 86_400, message: '该办件今日查询失败次数过多，请明天再试或登录后查询' });

/**
 * A wrong pair answers exactly like an unknown number. Each try is taken from the client's and the number's budget in one
 * conditional write before the code is checked (so requests in flight together cannot exceed it), and given back when the
 * code was right. A person signed in with WeChat is counted as themselves, not by the address they share (a lockout
 * from the same address does not stop the right code).
 */
export async function lookup(client: string, appNo: string, code: string) {
  const backClient = await lookupByClient.take(client);
  let backNumber: () => Promise<void>;
  try {
    backNumber = await lookupByNumber.take(appNo);
  } catch (e) {
    await backClient();
    throw e;
  }
  const { app, events } = await repo.getApplicationWithEvents(appNo);
  const ok =
    Boolean(app) &&
    ((code.length === 6 && app!.queryCodeHash === hashSecret(`${appNo}:${code}`)) || (code.length === 4 && app!.phoneHash === hashSecret(`${appNo}:${code}`)));
  if (!ok) throw notFound('办件编号或查询码不正确，请核对后再试');
  await Promise.all([backClient(), backNumber()]);
  const cal = await getCalendar();
  return { ...summaryOf(app!, cal), timeline: timelineOf(events), applicant: app!.applicantDisplay };
}

// ---- applicant actions -------------------------------------------------------------------

async function change(
  userId: string,
  appNo: string,
  fn: (app: repo.ApplicationRecord, eventIndex: number) => Parameters<typeof repo.changeApplication>[0] | Promise<Parameters<typeof repo.changeApplication>[0]>,
) {
  const { app, events } = await ownApplication(userId, appNo);
  try {
    await repo.changeApplication(await fn(app, events.length));
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('办件状态刚刚发生了变化，请刷新后再试');
    throw e;
  }
  return getApplicationDetail(userId, appNo);
}

/** 撤回: only before acceptance (or while waiting for a supplement). */
export function withdraw(userId: string, appNo: string, actor = '申请人') {
  return change(userId, appNo, async (app, n) => {
    if (!canWithdraw(app.state)) throw conflict(`办件${STATE_NAMES[app.state]}，不能撤回`);
    const at = now().toISOString();
    // 一件事: what waits for this item's result ends with it
    const follow = await bundleFollowUp(app, 'withdrawn', at);
    return {
      app,
      set: { state: 'withdrawn' },
      expectState: ['submitted', 'supplement', 'waiting'],
      eventIndex: n,
      event: { at, actor, action: '撤回申请', state: 'withdrawn', fromState: app.state },
      message: {
        userId,
        appNo,
        template: 'application_withdrawn',
        title: `${app.itemName} 已撤回`,
        body: `办件 ${appNo} 已按您的要求撤回。${follow.applicantNote}`,
      },
      alsoWrite: follow.writes,
    };
  });
}

/** 补正: attach exactly what the one-time notice lists; the clock restarts. */
export function answerSupplement(userId: string, appNo: string, answers: Record<string, unknown>, acting?: ActingRelative) {
  const actor = acting?.actor ?? '申请人';
  return change(userId, appNo, async (app, n) => {
    if (!canSupplement(app.state) || !app.supplementNotice) throw conflict(`办件${STATE_NAMES[app.state]}，无需补正`);
    const listed = app.supplementNotice.items.map((i) => i.material);
    const keys = Object.keys(answers);
    const missing = listed.filter((m) => !keys.includes(m));
    const extra = keys.filter((k) => !listed.includes(k));
    if (missing.length || extra.length) {
      throw badRequest(missing.length ? `请补齐一次性告知清单中的材料：${missing.join('、')}` : `只需补正告知清单中的材料，不需要：${extra.join('、')}`);
    }
    if (app.disclosure) return clarified(app, n, answers, actor);
    for (const [material, value] of Object.entries(answers)) {
      const refs = Array.isArray(value) ? (value as FileRef[]) : [];
      if (!refs.length) throw badRequest(`${material}：请上传文件或选择电子证照`);
      if (refs.length > FILES_MAX) throw badRequest(`${material}：最多 ${FILES_MAX} 页（份）`);
      for (const ref of refs) {
        const uploaded = async (fileId: string) => (await readyFileOf(userId, fileId)) ?? (acting ? await readyFileOf(acting.uploaderId, fileId) : undefined);
        if (ref?.kind === 'upload' ? !(await uploaded(ref.fileId)) : !(ref?.kind === 'elicence' && (await getLicence(userId, ref.licenceId)))) {
          throw badRequest(`${material}：文件不存在或尚未上传完成`);
        }
      }
    }
    const cal = await getCalendar();
    const today = businessDate(now());
    const paused = app.pausedSince ? workingDaysBetween(app.pausedSince, today, cal) : 0;
    const at = now().toISOString();
    // back where it was when the officer asked (补正 during review stays in review: the opinions given are kept),
    // and a task for that officer (待我处理) with a message
    const back = app.supplementNotice.fromState ?? 'accepted';
    const asker = app.supplementNotice.askedBy;
    const note = `已补正：${listed.join('、')}`;
    return {
      app,
      expectState: ['supplement'],
      eventIndex: n,
      remove: ['pausedSince', 'supplementNotice'],
      // the deadline moves by the paused days, and so does the place in the department's queue
      queueDeadline: addWorkingDays(app.startDate, app.promisedDays + app.pausedDays + paused, cal),
      set: {
        state: back,
        pausedDays: app.pausedDays + paused,
        // the statutory clock stood still too, if it had started (补正 after 受理)
        ...(app.acceptedOn ? { statutoryPausedDays: (app.statutoryPausedDays ?? 0) + paused } : {}),
        // a late 容缺 material answered in the 补正 counts as handed in
        deferred: app.deferred.map((d) => (listed.includes(d.name) ? { ...d, handedIn: true } : d)),
        materials: app.materials.map((m) =>
          listed.includes(m.name)
            ? {
                name: m.name,
                source: 'upload' as const,
                fileIds: ((answers[m.name] as FileRef[]).filter((r) => r.kind === 'upload') as { fileId: string }[]).map((r) => r.fileId),
              }
            : m,
        ),
        ...(asker ? { taskFor: asker.userId } : {}),
      },
      event: { at, actor, action: '补正材料', note: asker ? `${note}（退回 ${asker.label} 继续办理）` : note, state: back, fromState: 'supplement' },
      message: { userId, appNo, template: 'application_supplemented', title: `${app.itemName} 补正已提交`, body: `办件 ${appNo} 的补正材料已提交，继续办理。` },
      alsoWrite: asker
        ? [
            // a task left by an earlier answer for another officer goes: one task per application
            ...(app.taskFor && app.taskFor !== asker.userId ? [repo.officerTaskDelete(app.taskFor, appNo)] : []),
            ...repo.officerTaskWrites(
              asker.userId,
              { appNo, itemName: app.itemName, at, note },
              { template: 'staff_task', title: `${app.itemName} 补正已回`, body: `办件 ${appNo} 的申请人已按告知补正（${listed.join('、')}），请继续办理。` },
            ),
          ]
        : [],
    };
  });
}

/**
 * 依申请公开 补正 answered (政府信息公开条例 art. 30): the person says in words what they want; the 20 working days count
 * again from today, and the case goes back to the officer who asked.
 */
async function clarified(app: repo.ApplicationRecord, n: number, answers: Record<string, unknown>, actor: string) {
  const words: string[] = [];
  for (const [item, value] of Object.entries(answers)) {
    if (typeof value !== 'string' || value.trim().length < 2 || value.trim().length > 500) throw badRequest(`${item}：请用 2–500 字补充说明`);
    words.push(`${item}：${value.trim()}`);
  }
  const cal = await getCalendar();
  const today = businessDate(now());
  const at = now().toISOString();
  const back = app.supplementNotice!.fromState ?? 'submitted';
  const asker = app.supplementNotice!.askedBy;
  const deadline = addWorkingDays(today, app.statutoryDays, cal);
  const note = `已补正申请内容；答复期限自 ${today} 起重新计算，至 ${deadline}`;
  return {
    app,
    expectState: ['supplement' as const],
    eventIndex: n,
    remove: ['pausedSince', 'supplementNotice'] as (keyof repo.ApplicationRecord)[],
    queueDeadline: addWorkingDays(today, app.promisedDays, cal),
    set: {
      state: back,
      startDate: today,
      acceptedOn: today,
      pausedDays: 0,
      statutoryPausedDays: 0,
      disclosure: { ...app.disclosure!, restartedOn: today },
      // the clarification joins the request (sealed with the answers; the trail keeps no words)
      answers: { ...app.answers, clarification: words.join('\n') },
      ...(asker ? { taskFor: asker.userId } : {}),
    },
    event: { at, actor, action: '补正申请内容', note, state: back, fromState: 'supplement' as const },
    message: { userId: app.applicantId, appNo: app.appNo, template: 'application_supplemented', title: `${app.itemName} 补正已提交`, body: `${note}。` },
    alsoWrite: asker
      ? [
          ...(app.taskFor && app.taskFor !== asker.userId ? [repo.officerTaskDelete(app.taskFor, app.appNo)] : []),
          ...repo.officerTaskWrites(
            asker.userId,
            { appNo: app.appNo, itemName: app.itemName, at, note },
            { template: 'staff_task', title: `${app.itemName} 补正已回`, body: `申请 ${app.appNo} 的申请人已补正申请内容，答复期限重新计算，请继续办理。` },
          ),
        ]
      : [],
  };
}

/** A deferred material as the applicant sees it: with the working days left (the countdown) while it is still to come. */
function deferredView(d: repo.ApplicationRecord['deferred'][number], cal: CalendarData) {
  if (d.handedIn || d.late) return d;
  const today = businessDate(now());
  return { ...d, workingDaysLeft: d.dueDate < today ? 0 : workingDaysBetween(today, d.dueDate, cal) };
}

/** 补交容缺材料: until the sweep turns a late one into 补正, the firm hands in what it deferred (one or more at once). */
export function handInDeferred(userId: string, appNo: string, answers: Record<string, unknown>) {
  return change(userId, appNo, async (app, n) => {
    if (!OPEN_STATES.includes(app.state) && app.state !== 'supplement') throw conflict(`办件${STATE_NAMES[app.state]}，无需补交材料`);
    const open = app.deferred.filter((d) => !d.handedIn && !d.late).map((d) => d.name);
    const given = Object.keys(answers);
    if (!open.length) throw conflict(app.deferred.some((d) => d.late) ? '逾期的容缺材料已转为补正，请按补正告知清单提交' : '没有待补交的容缺材料');
    const unknown = given.filter((g) => !open.includes(g));
    if (!given.length || unknown.length)
      throw badRequest(unknown.length ? `不是待补交的容缺材料：${unknown.join('、')}` : `请选择要补交的材料：${open.join('、')}`);
    for (const [material, value] of Object.entries(answers)) {
      const refs = Array.isArray(value) ? (value as FileRef[]) : [];
      if (!refs.length || refs.some((r) => r?.kind !== 'upload')) throw badRequest(`${material}：请上传文件`);
      if (refs.length > FILES_MAX) throw badRequest(`${material}：最多 ${FILES_MAX} 页（份）`);
      for (const ref of refs) if (!(await readyFileOf(userId, (ref as { fileId: string }).fileId))) throw badRequest(`${material}：文件不存在或尚未上传完成`);
    }
    const at = now().toISOString();
    return {
      app,
      expectState: [app.state],
      eventIndex: n,
      set: {
        deferred: app.deferred.map((d) => (given.includes(d.name) ? { ...d, handedIn: true } : d)),
        materials: app.materials.map((m) =>
          given.includes(m.name) ? { name: m.name, source: 'upload' as const, fileIds: (answers[m.name] as { fileId: string }[]).map((r) => r.fileId) } : m,
        ),
      },
      event: { at, actor: '申请人', action: '补交容缺材料', note: given.join('、') },
    };
  });
}

/** 好差评: once, after the service ended; rating earns member points (会员积分), once per application. */
export async function rate(userId: string, appNo: string, value: Rating, comment?: string, actor = '申请人') {
  const view = await change(userId, appNo, async (app, n) => {
    if (!canRate(app.state, Boolean(app.rating))) throw conflict(app.rating ? '您已经评价过了，感谢您的反馈' : '办理结束后才能评价');
    const at = now().toISOString();
    const good = value === 'very_satisfied' || value === 'satisfied' || value === 'basic';
    // 差评: every 不满意 / 非常不满意 opens a rectification task for the department, due in 15 working days
    const rectification = good ? undefined : await newRectification(app, value, comment);
    return {
      app,
      set: { rating: { value, ...(comment ? { comment } : {}), at } },
      expectState: [app.state],
      eventIndex: n,
      rectification,
      event: { at, actor, action: `评价：${RATING_NAMES[value]}`, ...(comment ? { note: comment } : {}) },
    };
  });
  await awardPointsQuietly({ userId, points: RATING_POINTS, reason: '评价办件', source: `rating:${appNo}` });
  return view;
}

/** Working days a department has to follow up a bad rating (一事一调查、整改到位). */
export const RECTIFICATION_WORKING_DAYS = 15;

/** The rectification task a bad rating opens for the department (worked on in the back office). */
async function newRectification(app: repo.ApplicationRecord, rating: Rating, comment?: string): Promise<repo.RectificationTask> {
  const cal = await getCalendar();
  const due = addWorkingDays(businessDate(now()), RECTIFICATION_WORKING_DAYS, cal);
  return {
    appNo: app.appNo,
    itemName: app.itemName,
    departmentId: app.departmentId,
    ...(app.streetId ? { streetId: app.streetId } : {}),
    rating,
    ...(comment ? { comment } : {}),
    due,
    createdAt: now().toISOString(),
    status: 'open',
  };
}

// ---- tests only -------------------------------------------------------------------------------

/** Puts an application into a state directly (tests stand in for the back office of issue 4). */
export async function forceState(appNo: string, state: ApplicationState, extra: Partial<repo.ApplicationRecord> = {}, actor = '窗口') {
  const { app, events } = await repo.getApplicationWithEvents(appNo);
  if (!app) throw notFound();
  await repo.changeApplication({
    app,
    set: { state, ...extra },
    eventIndex: events.length,
    event: { at: now().toISOString(), actor, action: STATE_NAMES[state], state, fromState: app.state },
  });
}
