import * as z from 'zod';
import { ErrorBody } from './errors';
import { CalendarData } from '../calendar/data';
import { QueueQuery, StaffActionParams } from '../backoffice/actions';
import { FileWorkOrderRequest, NearbyQuery, StreetOrdersQuery, StreetQuery, WoActionParams, WoNoParams, WoRateRequest } from '../workorders/api';
import {
  BundleDetail, BundleListResponse, DepartmentListResponse, IdParams, ServiceDetail, ServiceListQuery, ServiceListResponse, ThemeListResponse,
} from '../guide/api';
import {
  AppNoParams, ApplicationDetail, DraftBody, DraftParams, ListMineQuery, ListMineResponse, LookupRequest, LookupResponse, MessageListResponse,
  RateRequest, Receipt, SubmitRequest, SupplementRequest,
} from '../applications/api';
import { AdjustPointsRequest, BenefitIdParams, BenefitUpsert, ClaimCodeParams, MemberRules, MembersQuery, MonthQuery, PointsQuery, StatsQuery } from '../member';
import { CreateUploadRequest, FileParams, FileView, UploadTicket } from '../files/api';
import { DevLoginRequest, DevUser, EnterpriseBindRequest, RealNameRequest, SessionResponse, UserView, WechatLoginRequest } from '../identity/schema';

/**
 * Every HTTP route, described once: the OpenAPI document is generated from this table and a test
 * checks serverless.yml declares the same routes.
 */
export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'session';
  localOnly?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export const ROUTES: RouteDoc[] = [
  { method: 'GET', path: '/v1/health', summary: '健康检查', tag: 'meta', auth: 'public', response: z.object({ ok: z.boolean(), stage: z.string() }) },
  { method: 'GET', path: '/v1/openapi.json', summary: '本接口文档 (OpenAPI 3.1)', tag: 'meta', auth: 'public', response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/auth/wechat', summary: '微信登录：用 wx.login 的 code 换取本系统会话', tag: 'identity', auth: 'public', body: WechatLoginRequest, response: SessionResponse },
  { method: 'GET', path: '/v1/me', summary: '当前用户（个人信息默认脱敏，reveal=true 时本人可见完整信息）', tag: 'identity', auth: 'session', query: z.object({ reveal: z.enum(['true', 'false']).optional() }), response: UserView },
  { method: 'PUT', path: '/v1/me/real-name', summary: '实名认证：姓名 + 身份证号码', tag: 'identity', auth: 'session', body: RealNameRequest, response: UserView },
  { method: 'PUT', path: '/v1/me/enterprise', summary: '绑定企业：企业名称 + 统一社会信用代码', tag: 'identity', auth: 'session', body: EnterpriseBindRequest, response: SessionResponse },
  { method: 'GET', path: '/v1/dev/users', summary: '开发登录：演示用户列表（仅本地环境）', tag: 'dev', auth: 'public', localOnly: true, response: z.object({ items: z.array(DevUser) }) },
  { method: 'POST', path: '/v1/dev/login', summary: '开发登录：以演示用户身份登录（仅本地环境）', tag: 'dev', auth: 'public', localOnly: true, body: DevLoginRequest, response: SessionResponse },
  { method: 'GET', path: '/v1/services', summary: '办事指南列表：按服务对象、部门、主题筛选，关键词搜索', tag: 'guide', auth: 'public', query: ServiceListQuery, response: ServiceListResponse },
  { method: 'GET', path: '/v1/services/{id}', summary: '办事指南详情', tag: 'guide', auth: 'public', params: IdParams, response: ServiceDetail },
  { method: 'GET', path: '/v1/bundles', summary: '“一件事”主题列表', tag: 'guide', auth: 'public', response: BundleListResponse },
  { method: 'GET', path: '/v1/bundles/{id}', summary: '“一件事”主题详情', tag: 'guide', auth: 'public', params: IdParams, response: BundleDetail },
  { method: 'GET', path: '/v1/departments', summary: '实施部门列表', tag: 'guide', auth: 'public', response: DepartmentListResponse },
  { method: 'GET', path: '/v1/themes', summary: '主题分类（个人生命周期 / 企业生命周期）', tag: 'guide', auth: 'public', response: ThemeListResponse },
  { method: 'POST', path: '/v1/files', summary: '申请上传材料：返回直传存储的凭证（JPG/PNG/PDF，≤10 MB）', tag: 'files', auth: 'session', body: CreateUploadRequest, response: UploadTicket },
  { method: 'POST', path: '/v1/files/{fileId}/complete', summary: '上传完成：服务端核验大小与真实类型', tag: 'files', auth: 'session', params: FileParams, response: FileView },
  { method: 'GET', path: '/v1/forms/{formId}', summary: '申请表（含预填、草稿、可用电子证照、容缺额度）', tag: 'applications', auth: 'session', params: DraftParams, response: z.object({}).passthrough() },
  { method: 'PUT', path: '/v1/drafts/{formId}', summary: '保存草稿', tag: 'applications', auth: 'session', params: DraftParams, body: DraftBody, response: z.object({ savedAt: z.string() }).passthrough() },
  { method: 'DELETE', path: '/v1/drafts/{formId}', summary: '删除草稿', tag: 'applications', auth: 'session', params: DraftParams, response: z.object({ deleted: z.boolean() }) },
  { method: 'POST', path: '/v1/applications', summary: '提交申请（需 Idempotency-Key 请求头；重复提交返回同一回执）', tag: 'applications', auth: 'session', body: SubmitRequest, response: Receipt },
  { method: 'GET', path: '/v1/applications', summary: '我的办件（按状态，新的在前，分页）', tag: 'applications', auth: 'session', query: ListMineQuery, response: ListMineResponse },
  { method: 'GET', path: '/v1/applications/{appNo}', summary: '办件详情与办理轨迹', tag: 'applications', auth: 'session', params: AppNoParams, response: ApplicationDetail },
  { method: 'POST', path: '/v1/applications/{appNo}/withdraw', summary: '撤回申请（受理前）', tag: 'applications', auth: 'session', params: AppNoParams, response: ApplicationDetail },
  { method: 'POST', path: '/v1/applications/{appNo}/supplement', summary: '补正材料（按一次性告知清单）', tag: 'applications', auth: 'session', params: AppNoParams, body: SupplementRequest, response: ApplicationDetail },
  { method: 'POST', path: '/v1/applications/{appNo}/deferred', summary: '补交容缺材料', tag: 'applications', auth: 'session', params: AppNoParams, body: SupplementRequest, response: ApplicationDetail },
  { method: 'POST', path: '/v1/applications/{appNo}/rating', summary: '好差评（办结后一次）', tag: 'applications', auth: 'session', params: AppNoParams, body: RateRequest, response: ApplicationDetail },
  { method: 'POST', path: '/v1/lookup', summary: '免登录进度查询：办件编号 + 查询码或手机后四位（失败过多 429）', tag: 'applications', auth: 'public', body: LookupRequest, response: LookupResponse },
  { method: 'GET', path: '/v1/me/licences', summary: '我的电子证照', tag: 'applications', auth: 'session', response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'GET', path: '/v1/messages', summary: '消息（办件进度通知）', tag: 'messages', auth: 'session', query: z.object({ limit: z.coerce.number().optional(), cursor: z.string().optional() }), response: MessageListResponse },
  { method: 'GET', path: '/v1/messages/unread-count', summary: '未读消息数', tag: 'messages', auth: 'session', response: z.object({ unread: z.number() }) },
  { method: 'POST', path: '/v1/messages/{messageId}/read', summary: '标记已读', tag: 'messages', auth: 'session', params: z.object({ messageId: z.string() }), body: z.object({ at: z.string() }), response: z.object({ unread: z.number() }) },
  { method: 'GET', path: '/v1/calendar', summary: '工作日历（法定节假日与调休上班日）', tag: 'admin', auth: 'public', response: CalendarData },
  { method: 'PUT', path: '/v1/admin/calendar', summary: '更新工作日历（管理员，按国务院放假通知）', tag: 'admin', auth: 'session', body: CalendarData, response: CalendarData },
  { method: 'GET', path: '/v1/admin/outbox', summary: '订阅消息发件箱（管理员；本地环境只记录不发送）', tag: 'admin', auth: 'session', query: z.object({ date: z.string() }), response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'GET', path: '/v1/staff/applications', summary: '本部门待办（按时限排序，按状态、红黄绿灯筛选）', tag: 'backoffice', auth: 'session', query: QueueQuery, response: ListMineResponse },
  { method: 'GET', path: '/v1/staff/counts', summary: '本部门各状态办件数', tag: 'backoffice', auth: 'session', response: z.object({ departmentId: z.string(), byState: z.record(z.string(), z.number()) }) },
  { method: 'GET', path: '/v1/staff/applications/{appNo}', summary: '办件（工作人员视图，个人信息脱敏）', tag: 'backoffice', auth: 'session', params: AppNoParams, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/staff/applications/{appNo}/{action}', summary: '办理操作：accept 受理 / notAccept 不予受理 / requestSupplement 一次性告知补正 / startReview / approve / deny / deliver（带版本号，冲突 409）', tag: 'backoffice', auth: 'session', params: StaffActionParams, body: z.object({ version: z.number() }).passthrough(), response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/staff/opinions', summary: '并联审批：发给本部门的意见征询', tag: 'backoffice', auth: 'session', response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'POST', path: '/v1/staff/opinions/{appNo}', summary: '并联审批：出具意见（同意 / 不同意并说明理由）', tag: 'backoffice', auth: 'session', params: AppNoParams, body: z.object({ decision: z.enum(['agree', 'disagree']), reason: z.string().optional() }), response: z.object({ ok: z.boolean() }) },
  { method: 'GET', path: '/v1/staff/rectifications', summary: '差评整改任务（15 个工作日）', tag: 'backoffice', auth: 'session', response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'POST', path: '/v1/staff/rectifications/{appNo}', summary: '整改：记录回访 / 办结整改', tag: 'backoffice', auth: 'session', params: AppNoParams, body: z.object({ callback: z.string().optional(), close: z.string().optional() }), response: z.object({ ok: z.boolean() }) },
  { method: 'GET', path: '/v1/supervision', summary: '督办清单：全区超时（红灯）办件（调度员、管理员）', tag: 'backoffice', auth: 'session', response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'POST', path: '/v1/supervision/{appNo}', summary: '督办意见（记入办件轨迹）', tag: 'backoffice', auth: 'session', params: AppNoParams, body: z.object({ note: z.string() }), response: z.object({ ok: z.boolean() }) },
  { method: 'GET', path: '/v1/dashboard', summary: '数据看板：部门 / 全区（按状态、按时办结率、平均用时、满意率、近 8 周趋势）', tag: 'backoffice', auth: 'session', query: z.object({ scope: z.enum(['dept', 'district']).optional(), id: z.string().optional() }), response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders', summary: '提交诉求 / 网格员一键呼叫（需 Idempotency-Key；按分类自动派单）', tag: 'workorders', auth: 'session', body: FileWorkOrderRequest, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/workorders/mine', summary: '我的诉求（新的在前）', tag: 'workorders', auth: 'session', query: z.object({ limit: z.coerce.number().optional(), cursor: z.string().optional() }), response: z.object({ items: z.array(z.object({}).passthrough()), nextCursor: z.string().nullable() }) },
  { method: 'GET', path: '/v1/workorders/nearby', summary: '附近 100 米内 30 天内同类未办结诉求（不显示反映人）', tag: 'workorders', auth: 'session', query: NearbyQuery, response: z.object({ items: z.array(z.object({}).passthrough()) }) },
  { method: 'GET', path: '/v1/workorders/{no}', summary: '工单详情（反映人看自己的；承办人员看脱敏信息）', tag: 'workorders', auth: 'session', params: WoNoParams, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/me-too', summary: '我也遇到：关注并增加影响人数', tag: 'workorders', auth: 'session', params: WoNoParams, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/rating', summary: '评价办理结果（不满意可重办一次）', tag: 'workorders', auth: 'session', params: WoNoParams, body: WoRateRequest, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/{action}', summary: '办理：claim 签收 / start / resolve 办结 / return 退单 / redispatch 改派', tag: 'workorders', auth: 'session', params: WoActionParams, body: z.object({}).passthrough(), response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/notes', summary: '处理进展（签收人；可附处理前后照片，通知反映人）', tag: 'workorders', auth: 'session', params: WoNoParams, body: z.object({ note: z.string(), photoIds: z.array(z.string()).optional() }), response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/workorders/{no}/photos', summary: '工单照片（短时有效的查看地址；关注者看不到反映人本人的照片）', tag: 'workorders', auth: 'session', params: WoNoParams, response: z.object({ items: z.array(z.object({ fileId: z.string(), url: z.string(), kind: z.string(), at: z.string() })) }) },
  { method: 'POST', path: '/v1/workorders/{no}/extension', summary: '申请延期（签收人）', tag: 'workorders', auth: 'session', params: WoNoParams, body: z.object({ days: z.number(), reason: z.string() }), response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/extension-decision', summary: '审批延期（街道调度）', tag: 'workorders', auth: 'session', params: WoNoParams, body: z.object({ approve: z.boolean(), note: z.string().optional() }), response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/workorders/{no}/duplicate', summary: '标记重复件并入原工单（街道调度）', tag: 'workorders', auth: 'session', params: WoNoParams, body: z.object({ originalNo: z.string() }), response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/street/workorders', summary: '街道调度：本街道全部工单，按分组（待签收/处理中/待评价/退单/已关闭），最紧急的在前', tag: 'workorders', auth: 'session', query: StreetOrdersQuery, response: z.object({ items: z.array(z.object({}).passthrough()), nextCursor: z.string().nullable() }).passthrough() },
  { method: 'GET', path: '/v1/street/workorders/overdue', summary: '街道督办：超时未签收（items）与超期未答复（replies）的工单', tag: 'workorders', auth: 'session', query: StreetQuery, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/team/workorders', summary: '本队伍待签收工单（按签收时限）', tag: 'workorders', auth: 'session', response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/member', summary: '会员专区首页：会员卡、签到规则、等级与会员日', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/member/card', summary: '领取电子会员卡（每人一张，重复领取返回同一张）', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/member/check-in', summary: '每日签到（按北京时间每天一次，连续签到有奖励）', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/member/check-ins', summary: '签到日历（某月已签到的日期与连续天数）', tag: 'member', auth: 'session', query: MonthQuery, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/member/points', summary: '积分明细（新的在前）与余额', tag: 'member', auth: 'session', query: PointsQuery, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/member/benefits', summary: '会员日福利（库存、等级要求、所需积分、能否领取）', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/member/benefits/{benefitId}/claim', summary: '领取会员日福利（需 Idempotency-Key；得到兑换码）', tag: 'member', auth: 'session', params: BenefitIdParams, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/member/claims', summary: '我的兑换码', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/partner/claims/{code}', summary: '合作商户：查看兑换码', tag: 'member', auth: 'session', params: ClaimCodeParams, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/partner/claims/{code}/redeem', summary: '合作商户：核销兑换码（只能一次）', tag: 'member', auth: 'session', params: ClaimCodeParams, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/admin/member/rules', summary: '会员规则（签到积分、连续奖励、等级门槛与卡面、会员日）', tag: 'member', auth: 'session', response: MemberRules },
  { method: 'PUT', path: '/v1/admin/member/rules', summary: '修改会员规则（管理员）', tag: 'member', auth: 'session', body: MemberRules, response: MemberRules },
  { method: 'GET', path: '/v1/admin/member/benefits', summary: '会员日福利与库存（管理员）', tag: 'member', auth: 'session', response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/admin/member/benefits', summary: '新增会员日福利（管理员）', tag: 'member', auth: 'session', body: BenefitUpsert, response: z.object({}).passthrough() },
  { method: 'PUT', path: '/v1/admin/member/benefits/{benefitId}', summary: '修改会员日福利与库存（管理员）', tag: 'member', auth: 'session', params: BenefitIdParams, body: BenefitUpsert, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/admin/member/stats', summary: '会员数据：会员数、每日签到、积分发放与使用、福利领取与核销', tag: 'member', auth: 'session', query: StatsQuery, response: z.object({}).passthrough() },
  { method: 'GET', path: '/v1/admin/member/members', summary: '会员列表（新的在前，姓名脱敏）', tag: 'member', auth: 'session', query: MembersQuery, response: z.object({}).passthrough() },
  { method: 'POST', path: '/v1/admin/member/points', summary: '积分调整（管理员，须写原因，余额不会为负）', tag: 'member', auth: 'session', body: AdjustPointsRequest, response: z.object({}).passthrough() },
  { method: 'GET', path: '/open311/v2/services.json', summary: 'Open311 GeoReport v2: services (leaf categories)', tag: 'open311', auth: 'public', response: z.array(z.object({}).passthrough()) },
  { method: 'GET', path: '/open311/v2/services/{file}', summary: 'Open311: service definition ({service_code}.json)', tag: 'open311', auth: 'public', params: z.object({ file: z.string() }), response: z.object({}).passthrough() },
  { method: 'POST', path: '/open311/v2/requests.json', summary: 'Open311: file a request (form-encoded or JSON, api_key required)', tag: 'open311', auth: 'public', body: z.object({}).passthrough(), response: z.array(z.object({}).passthrough()) },
  { method: 'GET', path: '/open311/v2/requests.json', summary: 'Open311: requests (≤ 90 days, status open/closed)', tag: 'open311', auth: 'public', query: z.object({ service_request_id: z.string().optional(), service_code: z.string().optional(), start_date: z.string().optional(), end_date: z.string().optional(), status: z.string().optional() }), response: z.array(z.object({}).passthrough()) },
  { method: 'GET', path: '/open311/v2/requests/{file}', summary: 'Open311: one request ({service_request_id}.json)', tag: 'open311', auth: 'public', params: z.object({ file: z.string() }), response: z.array(z.object({}).passthrough()) },
  { method: 'GET', path: '/open311/v2/tokens/{file}', summary: 'Open311: token → request id ({token}.json)', tag: 'open311', auth: 'public', params: z.object({ file: z.string() }), response: z.array(z.object({}).passthrough()) },
];

export { ErrorBody };
