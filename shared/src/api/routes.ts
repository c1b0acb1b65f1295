import * as z from 'zod';
import { ErrorBody } from './errors';
import { lazy } from './lazy';
import { Health, OpenApiDocument, OutboxList, OutboxQuery } from './meta';
import { CalendarData } from '../calendar/data';
import { CalendarAdminView, CalendarDraftRequest, CalendarDraftView, CalendarPublishRequest, CalendarYearParams } from '../calendar/api';
import { QueueQuery, StaffActionParams, StaffActionBodies } from '../backoffice/actions';
import {
  Dashboard,
  DashboardQuery,
  OkResponse,
  OpinionRequest,
  OpinionTaskList,
  StaffTaskList,
  RectificationList,
  RectificationOverview,
  RectificationRequest,
  StaffApplicationView,
  StaffCounts,
  SuperviseRequest,
  SupervisionList,
  SupervisionReplyRequest,
  SupervisionTaskList,
} from '../backoffice/api';
import {
  FileWorkOrderRequest,
  NearbyQuery,
  StreetOrdersQuery,
  StreetQuery,
  WoActionParams,
  WoDuplicateRequest,
  WoExtensionDecision,
  WoExtensionRequest,
  WoMineQuery,
  WoMineResponse,
  WoNearbyResponse,
  WoNoParams,
  MeTooRequest,
  WoNoteRequest,
  WoOverdue,
  WoOwnerPage,
  WoOwnerQuery,
  WoPhotosResponse,
  WoRateRequest,
  WoStreetPage,
  WoSupplementRequest,
  WoTeamResponse,
  WorkOrderView,
} from '../workorders/api';
import {
  Open311Created,
  Open311Errors,
  Open311FileParams,
  Open311ListQuery,
  Open311PostRequest,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
  Open311Token,
  Open311Discovery,
} from '../workorders/open311';
import { WoActionBodies } from '../workorders/states';
import {
  BundleDetail,
  BundleListResponse,
  DepartmentListResponse,
  IdParams,
  ServiceDetail,
  ServiceListQuery,
  ServiceListResponse,
  ThemeListResponse,
} from '../guide/api';
import {
  CatalogueItemParams,
  CatalogueItemVersionRequest,
  CatalogueItemView,
  CatalogueListQuery,
  CatalogueListResponse,
  CatalogueVersionParams,
  CatalogueVersionView,
  NewCatalogueItem,
} from '../guide/admin';
import {
  AppNoParams,
  ApplicationDetail,
  DraftBody,
  DraftDeleted,
  DraftParams,
  DraftView,
  FormPayload,
  LicenceList,
  ListMineQuery,
  ListMineResponse,
  LookupRequest,
  LookupResponse,
  MessageListResponse,
  MessageParams,
  MessagesQuery,
  RateRequest,
  ReadMessageRequest,
  Receipt,
  SubmitRequest,
  SupplementRequest,
  DeliveryRequest,
  UnreadCount,
} from '../applications/api';
import {
  AdjustPointsRequest,
  AdjustPointsResponse,
  AdminBenefit,
  AdminBenefitList,
  AdminMembersPage,
  BenefitIdParams,
  BenefitsPage,
  BenefitUpsert,
  CheckInMonth,
  CheckInResult,
  ClaimCodeParams,
  ClaimList,
  ClaimView,
  MemberCardView,
  MemberHome,
  MemberRules,
  MemberRulesUpdate,
  MembersQuery,
  MemberStats,
  MonthQuery,
  PartnerClaimView,
  PointsPage,
  PointsQuery,
  StatsQuery,
} from '../member';
import { CreateUploadRequest, FileParams, FileView, UploadTicket } from '../files/api';
import {
  DocumentDetail,
  DocumentList,
  DocumentView,
  RevokeRequest,
  SerialParams,
  ShareLink,
  ShareRequest,
  VerifyQuery,
  VerifyResult,
  VerifyTicketParams,
  VerifyUploadTicket,
} from '../documents/api';
import { AgentGrantRequest, AgentList, AgentParams, AgentView, FirmOfferParams } from '../identity/firmAgents';
import { ActingForQuery, KinGrantRequest, KinLists, KinParams, KinView } from '../identity/kin';
import { CloseAccountRequest, CloseAccountResponse, MyDataExport, PrivacyView } from '../identity/privacy';
import {
  AcceptInvitationRequest,
  DepartmentFields,
  DepartmentParams,
  GridsRequest,
  NewDepartment,
  OrgView,
  StreetParams,
  InvitationCreated,
  InvitationList,
  InvitationRequest,
  StaffChangeRequest,
  StaffList,
  StaffParams,
  StaffQuery,
  StaffView,
} from '../identity/staff';
import {
  DevFaceParams,
  DevFaceRequest,
  DevFaceResponse,
  DevLoginRequest,
  DevUserList,
  EnterpriseBindRequest,
  FaceFinishRequest,
  FaceStartRequest,
  FaceStartResponse,
  PhoneBindRequest,
  MeQuery,
  RealNameRequest,
  SessionResponse,
  UserView,
  WechatLoginRequest,
  type Role,
} from '../identity/schema';

/**
 * Who may call a route: 'public' needs no session, 'any' a session of any role, otherwise the roles
 * listed (the handler's route wrapper enforces exactly this).
 */
export type RouteRoles = 'public' | 'any' | readonly Role[];

/** One route as the table declares it; the key ("GET /v1/forms/{formId}") gives method and path. */
export interface RouteDef {
  summary: string;
  tag: string;
  roles: RouteRoles;
  localOnly?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** For a route with an `{action}` segment: the body each action takes (checked by the action's schema; `body` is their union, for the document). */
  actionBodies?: Readonly<Record<string, z.ZodType>>;
  /** The body of every 2xx answer. */
  response: z.ZodType;
  /** The body of every error answer; the app's ErrorBody unless the route follows another spec (Open311). */
  error?: z.ZodType;
  /** The answer's format: JSON unless `xml` (Open311's XML twins of its JSON routes, the same records). */
  format?: 'xml';
}

/** A table entry with its method and path spelled out, and whether it needs a session at all. */
export interface RouteDoc extends RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth: 'public' | 'session';
  error: z.ZodType;
}

// Who does what today (the same sets the handlers name).
const PEOPLE = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher', 'admin'] as const;
const APPLICANTS = ['resident', 'enterprise'] as const;
const STAFF = ['staff'] as const;
const ADMIN = ['admin'] as const;
const OVERSEERS = ['dispatcher', 'admin'] as const;
const WO_FILERS = ['resident', 'enterprise', 'grid'] as const;
const WO_VIEWERS = ['resident', 'enterprise', 'grid', 'staff', 'dispatcher', 'admin'] as const;
const WO_OWNERS = ['staff', 'grid'] as const;
const WO_HANDLERS = ['staff', 'grid', 'dispatcher', 'admin'] as const;
/** Everyone who signs in has a member zone, except partner cashiers (who only redeem). */
const MEMBERS = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'] as const;
const PARTNERS = ['partner'] as const;

/** A body checked per action (the `{action}` path segment picks the schema): the union, for the document (built when first read). */
const unionOf = (bodies: Record<string, z.ZodType>) => lazy(() => z.union(Object.values(bodies) as [z.ZodType, z.ZodType, ...z.ZodType[]]));

/**
 * Every HTTP route, described once, by route key. The OpenAPI document is generated from it, a test
 * checks serverless.yml declares the same routes, and the API tests check every answer against it.
 */
export const ROUTE_TABLE = {
  'GET /v1/health': { summary: '健康检查', tag: 'meta', roles: 'public', response: Health },
  'GET /v1/openapi.json': { summary: '本接口文档 (OpenAPI 3.1)', tag: 'meta', roles: 'public', response: OpenApiDocument },
  'POST /v1/auth/wechat': {
    summary: '微信登录：用 wx.login 的 code 换取本系统会话',
    tag: 'identity',
    roles: 'public',
    body: WechatLoginRequest,
    response: SessionResponse,
  },
  'GET /v1/me': { summary: '当前用户（个人信息默认脱敏，reveal=true 时本人可见完整信息）', tag: 'identity', roles: 'any', query: MeQuery, response: UserView },
  'PUT /v1/me/real-name': { summary: '实名认证：姓名 + 身份证号码', tag: 'identity', roles: APPLICANTS, body: RealNameRequest, response: UserView },
  'POST /v1/me/identity/face/start': {
    summary: '人脸核验实名（L2）：用填写的姓名和身份证号码发起微信人脸核身，得到 verifyId',
    tag: 'identity',
    roles: APPLICANTS,
    body: FaceStartRequest,
    response: FaceStartResponse,
  },
  'POST /v1/me/identity/face/finish': {
    summary: '人脸核验实名（L2）：核身完成后向微信查询真实结果，通过则账号实名等级为 L2',
    tag: 'identity',
    roles: APPLICANTS,
    body: FaceFinishRequest,
    response: UserView,
  },
  'GET /v1/me/privacy': {
    summary: '我的个人信息：收集的信息与用途、同意记录、是否可以注销',
    tag: 'identity',
    roles: APPLICANTS,
    response: PrivacyView,
  },
  'GET /v1/me/export': {
    summary: '导出我的数据：账号、办件（含填写内容）、草稿、诉求、消息，完整不脱敏（本人）',
    tag: 'identity',
    roles: APPLICANTS,
    response: MyDataExport,
  },
  'POST /v1/me/close': {
    summary: '注销账号：删除姓名、证件号、手机号和授权，解除微信绑定；办结的办件按档案规定保存',
    tag: 'identity',
    roles: APPLICANTS,
    body: CloseAccountRequest,
    response: CloseAccountResponse,
  },
  'POST /v1/me/phone': {
    summary: '绑定手机号：微信手机号按钮的一次性 code，由服务器向微信换取号码',
    tag: 'identity',
    roles: APPLICANTS,
    body: PhoneBindRequest,
    response: UserView,
  },
  'PUT /v1/me/enterprise': {
    summary: '绑定企业：企业名称 + 统一社会信用代码',
    tag: 'identity',
    roles: APPLICANTS,
    body: EnterpriseBindRequest,
    response: SessionResponse,
  },
  'GET /v1/firm/agents': { summary: '企业经办人：法定代表人查看已授权的经办人', tag: 'identity', roles: ['enterprise'], response: AgentList },
  'POST /v1/firm/agents': {
    summary: '企业经办人：法定代表人按姓名和身份证号码授权经办人（范围、期限、能否签署容缺承诺），经办人确认后生效',
    tag: 'identity',
    roles: ['enterprise'],
    body: AgentGrantRequest,
    response: AgentView,
  },
  'POST /v1/firm/agents/{agentId}/revoke': {
    summary: '企业经办人：撤销授权，立即生效',
    tag: 'identity',
    roles: ['enterprise'],
    params: AgentParams,
    response: AgentView,
  },
  'GET /v1/me/firm-offers': { summary: '我收到的企业经办人授权', tag: 'identity', roles: APPLICANTS, response: AgentList },
  'POST /v1/me/firm-offers/{creditCode}/accept': {
    summary: '接受企业经办人授权：此后以该企业经办人身份办事',
    tag: 'identity',
    roles: APPLICANTS,
    params: FirmOfferParams,
    response: SessionResponse,
  },
  'GET /v1/me/kin': { summary: '亲友代办：我授权的亲友和授权我的亲友', tag: 'identity', roles: ['resident'], response: KinLists },
  'POST /v1/me/kin': {
    summary: '亲友代办：按姓名和身份证号码授权已人脸核验的亲友代办（事项范围、期限），亲友确认后生效',
    tag: 'identity',
    roles: ['resident'],
    body: KinGrantRequest,
    response: KinView,
  },
  'POST /v1/me/kin/{userId}/accept': { summary: '亲友代办：接受授权', tag: 'identity', roles: ['resident'], params: KinParams, response: KinView },
  'POST /v1/me/kin/{userId}/revoke': {
    summary: '亲友代办：撤销授权（本人）或退出代办（亲友），立即生效',
    tag: 'identity',
    roles: ['resident'],
    params: KinParams,
    response: KinView,
  },
  'GET /v1/admin/staff': { summary: '工作人员：账号列表（按角色）', tag: 'admin', roles: ADMIN, query: StaffQuery, response: StaffList },
  'PUT /v1/admin/staff/{userId}': {
    summary: '工作人员：调整角色和岗位，或停用 / 启用（立即生效，原登录失效）',
    tag: 'admin',
    roles: ADMIN,
    params: StaffParams,
    body: StaffChangeRequest,
    response: StaffView,
  },
  'GET /v1/admin/org': { summary: '组织架构：部门、街道及其网格（社区）', tag: 'admin', roles: ADMIN, response: OrgView },
  'POST /v1/admin/org/departments': { summary: '组织架构：新增部门', tag: 'admin', roles: ADMIN, body: NewDepartment, response: OrgView },
  'PUT /v1/admin/org/departments/{id}': {
    summary: '组织架构：修改部门名称、简称、电话、地址',
    tag: 'admin',
    roles: ADMIN,
    params: DepartmentParams,
    body: DepartmentFields,
    response: OrgView,
  },
  'PUT /v1/admin/org/streets/{street}/grids': {
    summary: '组织架构：一个街道的网格（社区）名单',
    tag: 'admin',
    roles: ADMIN,
    params: StreetParams,
    body: GridsRequest,
    response: OrgView,
  },
  'GET /v1/admin/invitations': { summary: '工作人员邀请：列表', tag: 'admin', roles: ADMIN, response: InvitationList },
  'POST /v1/admin/invitations': {
    summary: '工作人员邀请：为角色和岗位生成一次性邀请码（7 天有效，只显示一次）',
    tag: 'admin',
    roles: ADMIN,
    body: InvitationRequest,
    response: InvitationCreated,
  },
  'POST /v1/me/invitation': {
    summary: '使用工作人员邀请码：登录后输入，账号获得邀请的角色和岗位',
    tag: 'identity',
    roles: 'any',
    body: AcceptInvitationRequest,
    response: SessionResponse,
  },
  'GET /v1/dev/users': { summary: '开发登录：演示用户列表（仅本地环境）', tag: 'dev', roles: 'public', localOnly: true, response: DevUserList },
  'POST /v1/dev/face/{verifyId}': {
    summary: '开发：在本地替身上模拟手机端人脸核身（通过或取消，仅本地环境）',
    tag: 'dev',
    roles: 'any',
    localOnly: true,
    params: DevFaceParams,
    body: DevFaceRequest,
    response: DevFaceResponse,
  },
  'POST /v1/dev/login': {
    summary: '开发登录：以演示用户身份登录（仅本地环境）',
    tag: 'dev',
    roles: 'public',
    localOnly: true,
    body: DevLoginRequest,
    response: SessionResponse,
  },
  'GET /v1/services': {
    summary: '办事指南列表：按服务对象、部门、主题筛选，关键词搜索',
    tag: 'guide',
    roles: 'public',
    query: ServiceListQuery,
    response: ServiceListResponse,
  },
  'GET /v1/services/{id}': { summary: '办事指南详情', tag: 'guide', roles: 'public', params: IdParams, response: ServiceDetail },
  'GET /v1/bundles': { summary: '“一件事”主题列表', tag: 'guide', roles: 'public', response: BundleListResponse },
  'GET /v1/bundles/{id}': { summary: '“一件事”主题详情', tag: 'guide', roles: 'public', params: IdParams, response: BundleDetail },
  'GET /v1/departments': { summary: '实施部门列表', tag: 'guide', roles: 'public', response: DepartmentListResponse },
  'GET /v1/themes': { summary: '主题分类（个人生命周期 / 企业生命周期）', tag: 'guide', roles: 'public', response: ThemeListResponse },
  'POST /v1/files': {
    summary: '申请上传材料：返回直传存储的凭证（JPG/PNG/PDF，≤10 MB）',
    tag: 'files',
    roles: PEOPLE,
    body: CreateUploadRequest,
    response: UploadTicket,
  },
  'POST /v1/files/{fileId}/complete': { summary: '上传完成：服务端核验大小与真实类型', tag: 'files', roles: PEOPLE, params: FileParams, response: FileView },
  'GET /v1/forms/{formId}': {
    summary: '申请表（含预填、草稿、可用电子证照、容缺额度）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    params: DraftParams,
    response: FormPayload,
  },
  'PUT /v1/drafts/{formId}': {
    summary: '保存草稿',
    tag: 'applications',
    roles: APPLICANTS,
    params: DraftParams,
    query: ActingForQuery,
    body: DraftBody,
    response: DraftView,
  },
  'DELETE /v1/drafts/{formId}': {
    summary: '删除草稿',
    tag: 'applications',
    roles: APPLICANTS,
    params: DraftParams,
    query: ActingForQuery,
    response: DraftDeleted,
  },
  'POST /v1/applications': {
    summary: '提交申请（需 Idempotency-Key 请求头；重复提交返回同一回执）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    body: SubmitRequest,
    response: Receipt,
  },
  'GET /v1/applications': {
    summary: '我的办件（按状态，新的在前，分页）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ListMineQuery,
    response: ListMineResponse,
  },
  'GET /v1/applications/{appNo}': {
    summary: '办件详情与办理轨迹',
    tag: 'applications',
    roles: APPLICANTS,
    params: AppNoParams,
    query: ActingForQuery,
    response: ApplicationDetail,
  },
  'POST /v1/applications/{appNo}/withdraw': {
    summary: '撤回申请（受理前）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    params: AppNoParams,
    response: ApplicationDetail,
  },
  'PUT /v1/applications/{appNo}/delivery': {
    summary: '选择结果领取方式：窗口领取 / 邮寄送达（收件地址）/ 电子证照，送达前可更改',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    params: AppNoParams,
    body: DeliveryRequest,
    response: ApplicationDetail,
  },
  'POST /v1/applications/{appNo}/supplement': {
    summary: '补正材料（按一次性告知清单）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    params: AppNoParams,
    body: SupplementRequest,
    response: ApplicationDetail,
  },
  'POST /v1/applications/{appNo}/deferred': {
    summary: '补交容缺材料',
    tag: 'applications',
    roles: APPLICANTS,
    params: AppNoParams,
    body: SupplementRequest,
    response: ApplicationDetail,
  },
  'POST /v1/applications/{appNo}/rating': {
    summary: '好差评（办结后一次）',
    tag: 'applications',
    roles: APPLICANTS,
    query: ActingForQuery,
    params: AppNoParams,
    body: RateRequest,
    response: ApplicationDetail,
  },
  'POST /v1/lookup': {
    summary: '免登录进度查询：办件编号 + 查询码或手机后四位（失败过多 429）',
    tag: 'applications',
    roles: 'public',
    body: LookupRequest,
    response: LookupResponse,
  },
  'GET /v1/me/licences': { summary: '我的电子证照', tag: 'applications', roles: APPLICANTS, response: LicenceList },
  'POST /v1/applications/{appNo}/document': {
    summary: '出具电子证明：信息齐备的当即出具（申请人）；其余经审批准予后由本部门出具（窗口人员）',
    tag: 'documents',
    roles: [...APPLICANTS, ...STAFF],
    params: AppNoParams,
    response: DocumentView,
  },
  'GET /v1/me/documents': { summary: '证照夹：我的电子证明与文书', tag: 'documents', roles: APPLICANTS, response: DocumentList },
  'GET /v1/me/documents/{serial}': {
    summary: '电子证明详情：下载链接与每一次使用记录',
    tag: 'documents',
    roles: APPLICANTS,
    params: SerialParams,
    response: DocumentDetail,
  },
  'POST /v1/me/documents/{serial}/share': {
    summary: '分享限时核验链接（1、7 或 30 天）',
    tag: 'documents',
    roles: APPLICANTS,
    params: SerialParams,
    body: ShareRequest,
    response: ShareLink,
  },
  'POST /v1/staff/documents/{serial}/revoke': {
    summary: '撤销本部门出具的证明（写明原因，核验即时显示已撤销）',
    tag: 'documents',
    roles: STAFF,
    params: SerialParams,
    body: RevokeRequest,
    response: DocumentView,
  },
  'GET /v1/verify/{serial}': {
    summary: '免登录核验：证明编号 + 核验码（或分享链接），失败过多 429',
    tag: 'documents',
    roles: 'public',
    params: SerialParams,
    query: VerifyQuery,
    response: VerifyResult,
  },
  'POST /v1/verify/uploads': { summary: '免登录核验文件：申请上传凭证（PDF，≤300 KB）', tag: 'documents', roles: 'public', response: VerifyUploadTicket },
  'POST /v1/verify/uploads/{ticket}': {
    summary: '免登录核验文件：校验签章与是否被改动',
    tag: 'documents',
    roles: 'public',
    params: VerifyTicketParams,
    response: VerifyResult,
  },
  'GET /v1/messages': { summary: '消息（办件进度通知）', tag: 'messages', roles: PEOPLE, query: MessagesQuery, response: MessageListResponse },
  'GET /v1/messages/unread-count': { summary: '未读消息数', tag: 'messages', roles: PEOPLE, response: UnreadCount },
  'POST /v1/messages/{messageId}/read': {
    summary: '标记已读',
    tag: 'messages',
    roles: PEOPLE,
    params: MessageParams,
    body: ReadMessageRequest,
    response: UnreadCount,
  },
  'GET /v1/calendar': { summary: '工作日历（法定节假日与调休上班日）', tag: 'admin', roles: 'public', response: CalendarData },
  'PUT /v1/admin/calendar': { summary: '更新工作日历（管理员，按国务院放假通知）', tag: 'admin', roles: ADMIN, body: CalendarData, response: CalendarData },
  'GET /v1/admin/calendar': {
    summary: '工作日历概况：已发布的年份、暂定年份、可导入的年份（管理员）',
    tag: 'admin',
    roles: ADMIN,
    response: CalendarAdminView,
  },
  'POST /v1/admin/calendar/drafts': {
    summary: '从 chinese-days 导入一年的节假日为草稿，返回与已发布日历的差异（草稿不用于计算时限；该年无数据 422）',
    tag: 'admin',
    roles: ADMIN,
    body: CalendarDraftRequest,
    response: CalendarDraftView,
  },
  'GET /v1/admin/calendar/drafts/{year}': {
    summary: '某年的日历草稿及其与已发布日历的差异（管理员）',
    tag: 'admin',
    roles: ADMIN,
    params: CalendarYearParams,
    response: CalendarDraftView,
  },
  'POST /v1/admin/calendar/publish': {
    summary: '发布某年的日历草稿（带草稿版本号；草稿已更新、已发布或已发布的日历已变更时 409）',
    tag: 'admin',
    roles: ADMIN,
    body: CalendarPublishRequest,
    response: CalendarDraftView,
  },
  // the service catalogue as versioned data (issue 16)
  'GET /v1/admin/catalogue/items': {
    summary: '办事事项目录（管理员）：按部门筛选、关键词搜索、分页',
    tag: 'admin',
    roles: ADMIN,
    query: CatalogueListQuery,
    response: CatalogueListResponse,
  },
  'POST /v1/admin/catalogue/items': {
    summary: '新增办事事项（第 1 版）：材料、表单字段、时限、容缺、实名等级、送达方式',
    tag: 'admin',
    roles: ADMIN,
    body: NewCatalogueItem,
    response: CatalogueItemView,
  },
  'GET /v1/admin/catalogue/items/{id}': {
    summary: '办事事项的当前版本、历史版本和所属“一件事”（管理员）',
    tag: 'admin',
    roles: ADMIN,
    params: CatalogueItemParams,
    response: CatalogueItemView,
  },
  'POST /v1/admin/catalogue/items/{id}/versions': {
    summary: '保存为新版本（带所编辑的版本号；其间已有人保存则 409）；已提交的办件仍按其提交时的版本',
    tag: 'admin',
    roles: ADMIN,
    params: CatalogueItemParams,
    body: CatalogueItemVersionRequest,
    response: CatalogueItemView,
  },
  'GET /v1/admin/catalogue/items/{id}/versions/{version}': {
    summary: '办事事项的某一版本及其申请表（管理员）',
    tag: 'admin',
    roles: ADMIN,
    params: CatalogueVersionParams,
    response: CatalogueVersionView,
  },
  'GET /v1/admin/outbox': { summary: '订阅消息发件箱（管理员；本地环境只记录不发送）', tag: 'admin', roles: ADMIN, query: OutboxQuery, response: OutboxList },
  'GET /v1/staff/applications': {
    summary: '本部门待办（按时限排序，按状态、红黄绿灯筛选）',
    tag: 'backoffice',
    roles: STAFF,
    query: QueueQuery,
    response: ListMineResponse,
  },
  'GET /v1/staff/counts': { summary: '本部门各状态办件数', tag: 'backoffice', roles: STAFF, response: StaffCounts },
  'GET /v1/staff/applications/{appNo}': {
    summary: '办件（工作人员视图，个人信息脱敏）',
    tag: 'backoffice',
    roles: STAFF,
    params: AppNoParams,
    response: StaffApplicationView,
  },
  'POST /v1/staff/applications/{appNo}/{action}': {
    summary:
      '办理操作：accept 受理 / notAccept 不予受理 / requestSupplement 一次性告知补正 / startReview / approve / deny / deliver（带版本号，冲突 409；请求内容按操作校验，见 StaffActionBodies）',
    tag: 'backoffice',
    roles: STAFF,
    params: StaffActionParams,
    body: unionOf(StaffActionBodies),
    actionBodies: StaffActionBodies,
    response: StaffApplicationView,
  },
  'GET /v1/staff/tasks': { summary: '待我处理：申请人已补正、退回本人继续办理的办件', tag: 'backoffice', roles: STAFF, response: StaffTaskList },
  'GET /v1/staff/opinions': { summary: '并联审批：发给本部门的意见征询', tag: 'backoffice', roles: STAFF, response: OpinionTaskList },
  'POST /v1/staff/opinions/{appNo}': {
    summary: '并联审批：出具意见（同意 / 不同意并说明理由）',
    tag: 'backoffice',
    roles: STAFF,
    params: AppNoParams,
    body: OpinionRequest,
    response: OkResponse,
  },
  'GET /v1/staff/rectifications': { summary: '差评整改任务（15 个工作日）', tag: 'backoffice', roles: STAFF, response: RectificationList },
  'POST /v1/staff/rectifications/{appNo}': {
    summary: '整改：记录回访 / 办结整改',
    tag: 'backoffice',
    roles: STAFF,
    params: AppNoParams,
    body: RectificationRequest,
    response: OkResponse,
  },
  'GET /v1/staff/supervision': {
    summary: '督办：本部门收到的督办（待回复在前，3 个工作日内回复）',
    tag: 'backoffice',
    roles: STAFF,
    response: SupervisionTaskList,
  },
  'POST /v1/staff/supervision/{appNo}': {
    summary: '督办回复（只记一次；逾期回复标记为逾期）',
    tag: 'backoffice',
    roles: STAFF,
    params: AppNoParams,
    body: SupervisionReplyRequest,
    response: OkResponse,
  },
  'GET /v1/admin/rectifications': {
    summary: '差评整改总览：各部门未办结、已逾期的整改（管理员）',
    tag: 'backoffice',
    roles: ADMIN,
    response: RectificationOverview,
  },
  'GET /v1/supervision': {
    summary: '督办清单：全区超时（红灯）办件及其督办、回复情况，逾期未回复升级的督办（调度员、管理员）',
    tag: 'backoffice',
    roles: OVERSEERS,
    response: SupervisionList,
  },
  'POST /v1/supervision/{appNo}': {
    summary: '督办：通知承办部门并要求按期回复（记入办件轨迹，仅内部可见）',
    tag: 'backoffice',
    roles: OVERSEERS,
    params: AppNoParams,
    body: SuperviseRequest,
    response: OkResponse,
  },
  'GET /v1/dashboard': {
    summary: '数据看板：部门 / 街道 / 全区（按状态、按时办结率、平均用时、满意率、近 8 周趋势）',
    tag: 'backoffice',
    roles: ['staff', 'dispatcher', 'admin'],
    query: DashboardQuery,
    response: Dashboard,
  },
  'POST /v1/workorders': {
    summary: '提交诉求 / 网格员一键呼叫（需 Idempotency-Key；按分类自动派单）',
    tag: 'workorders',
    roles: WO_FILERS,
    body: FileWorkOrderRequest,
    response: WorkOrderView,
  },
  'GET /v1/workorders/mine': { summary: '我的诉求（新的在前）', tag: 'workorders', roles: WO_FILERS, query: WoMineQuery, response: WoMineResponse },
  'GET /v1/workorders/nearby': {
    summary: '附近 100 米内 30 天内同类未办结诉求（不显示反映人）',
    tag: 'workorders',
    roles: WO_FILERS,
    query: NearbyQuery,
    response: WoNearbyResponse,
  },
  'GET /v1/workorders/{no}': {
    summary: '工单详情（反映人看自己的；承办人员看脱敏信息）',
    tag: 'workorders',
    roles: WO_VIEWERS,
    params: WoNoParams,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/me-too': {
    summary: '我也遇到：关注并增加影响人数（凭附近列表给出的 followToken）',
    tag: 'workorders',
    roles: APPLICANTS,
    params: WoNoParams,
    body: MeTooRequest,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/rating': {
    summary: '评价办理结果（不满意可重办一次）',
    tag: 'workorders',
    roles: WO_FILERS,
    params: WoNoParams,
    body: WoRateRequest,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/{action}': {
    summary: '办理：claim 签收 / start / resolve 办结 / return 退单 / redispatch 改派（请求内容按操作校验，见 WoActionBodies）',
    tag: 'workorders',
    roles: WO_HANDLERS,
    params: WoActionParams,
    body: unionOf(WoActionBodies),
    actionBodies: WoActionBodies,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/notes': {
    summary: '处理进展（签收人；可附处理前后照片，通知反映人）',
    tag: 'workorders',
    roles: WO_OWNERS,
    params: WoNoParams,
    body: WoNoteRequest,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/supplement': {
    summary: '补充说明（反映人；办结关闭前，需 Idempotency-Key；一键呼叫自动生成的描述被替换，其他描述后附补充内容）',
    tag: 'workorders',
    roles: WO_FILERS,
    params: WoNoParams,
    body: WoSupplementRequest,
    response: WorkOrderView,
  },
  'GET /v1/workorders/{no}/photos': {
    summary: '工单照片（短时有效的查看地址；关注者看不到反映人本人的照片）',
    tag: 'workorders',
    roles: WO_VIEWERS,
    params: WoNoParams,
    response: WoPhotosResponse,
  },
  'POST /v1/workorders/{no}/extension': {
    summary: '申请延期（签收人）',
    tag: 'workorders',
    roles: WO_OWNERS,
    params: WoNoParams,
    body: WoExtensionRequest,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/extension-decision': {
    summary: '审批延期（街道调度）',
    tag: 'workorders',
    roles: OVERSEERS,
    params: WoNoParams,
    body: WoExtensionDecision,
    response: WorkOrderView,
  },
  'POST /v1/workorders/{no}/duplicate': {
    summary: '标记重复件并入原工单（街道调度）',
    tag: 'workorders',
    roles: OVERSEERS,
    params: WoNoParams,
    body: WoDuplicateRequest,
    response: WorkOrderView,
  },
  'GET /v1/street/workorders': {
    summary: '街道调度：本街道全部工单，按分组（待签收/处理中/待评价/退单/已关闭），最紧急的在前',
    tag: 'workorders',
    roles: OVERSEERS,
    query: StreetOrdersQuery,
    response: WoStreetPage,
  },
  'GET /v1/street/workorders/overdue': {
    summary: '街道督办：超时未签收（items）与超期未答复（replies）的工单',
    tag: 'workorders',
    roles: OVERSEERS,
    query: StreetQuery,
    response: WoOverdue,
  },
  'GET /v1/team/workorders': { summary: '本队伍待签收工单（按签收时限）', tag: 'workorders', roles: WO_OWNERS, response: WoTeamResponse },
  'GET /v1/team/workorders/mine': {
    summary: '我签收的工单：我处理中（按答复期限，最紧的在前）/ 已办结（最近的在前），含红黄绿灯与超期',
    tag: 'workorders',
    roles: WO_OWNERS,
    query: WoOwnerQuery,
    response: WoOwnerPage,
  },
  'GET /v1/member': { summary: '会员专区首页：会员卡、签到规则、等级与会员日', tag: 'member', roles: MEMBERS, response: MemberHome },
  'POST /v1/member/card': { summary: '领取电子会员卡（每人一张，重复领取返回同一张）', tag: 'member', roles: MEMBERS, response: MemberCardView },
  'POST /v1/member/check-in': { summary: '每日签到（按北京时间每天一次，连续签到有奖励）', tag: 'member', roles: MEMBERS, response: CheckInResult },
  'GET /v1/member/check-ins': { summary: '签到日历（某月已签到的日期与连续天数）', tag: 'member', roles: MEMBERS, query: MonthQuery, response: CheckInMonth },
  'GET /v1/member/points': { summary: '积分明细（新的在前）与余额', tag: 'member', roles: MEMBERS, query: PointsQuery, response: PointsPage },
  'GET /v1/member/benefits': { summary: '会员日福利（库存、等级要求、所需积分、能否领取）', tag: 'member', roles: MEMBERS, response: BenefitsPage },
  'POST /v1/member/benefits/{benefitId}/claim': {
    summary: '领取会员日福利（需 Idempotency-Key；得到兑换码）',
    tag: 'member',
    roles: MEMBERS,
    params: BenefitIdParams,
    response: ClaimView,
  },
  'GET /v1/member/claims': { summary: '我的兑换码', tag: 'member', roles: MEMBERS, response: ClaimList },
  'GET /v1/partner/claims/{code}': { summary: '合作商户：查看兑换码', tag: 'member', roles: PARTNERS, params: ClaimCodeParams, response: PartnerClaimView },
  'POST /v1/partner/claims/{code}/redeem': {
    summary: '合作商户：核销兑换码（只能一次）',
    tag: 'member',
    roles: PARTNERS,
    params: ClaimCodeParams,
    response: PartnerClaimView,
  },
  'GET /v1/admin/member/rules': { summary: '会员规则（签到积分、连续奖励、等级门槛与卡面、会员日）', tag: 'member', roles: ADMIN, response: MemberRules },
  'PUT /v1/admin/member/rules': { summary: '修改会员规则（管理员）', tag: 'member', roles: ADMIN, body: MemberRulesUpdate, response: MemberRules },
  'GET /v1/admin/member/benefits': { summary: '会员日福利与库存（管理员）', tag: 'member', roles: ADMIN, response: AdminBenefitList },
  'POST /v1/admin/member/benefits': { summary: '新增会员日福利（管理员）', tag: 'member', roles: ADMIN, body: BenefitUpsert, response: AdminBenefit },
  'PUT /v1/admin/member/benefits/{benefitId}': {
    summary: '修改会员日福利与库存（管理员）',
    tag: 'member',
    roles: ADMIN,
    params: BenefitIdParams,
    body: BenefitUpsert,
    response: AdminBenefit,
  },
  'GET /v1/admin/member/stats': {
    summary: '会员数据：会员数、每日签到、积分发放与使用、福利领取与核销',
    tag: 'member',
    roles: ADMIN,
    query: StatsQuery,
    response: MemberStats,
  },
  'GET /v1/admin/member/members': { summary: '会员列表（新的在前，姓名脱敏）', tag: 'member', roles: ADMIN, query: MembersQuery, response: AdminMembersPage },
  'POST /v1/admin/member/points': {
    summary: '积分调整（管理员，须写原因，余额不会为负；需 Idempotency-Key）',
    tag: 'member',
    roles: ADMIN,
    body: AdjustPointsRequest,
    response: AdjustPointsResponse,
  },
  'GET /open311/v2/services.json': {
    summary: 'Open311 GeoReport v2: services (leaf categories)',
    tag: 'open311',
    roles: 'public',
    response: lazy(() => z.array(Open311Service)),
    error: Open311Errors,
  },
  'GET /open311/v2/services/{file}': {
    summary: 'Open311: service definition ({service_code}.json)',
    tag: 'open311',
    roles: 'public',
    params: Open311FileParams,
    response: Open311ServiceDefinition,
    error: Open311Errors,
  },
  'POST /open311/v2/requests.json': {
    summary: 'Open311: file a request (form-encoded or JSON, api_key required)',
    tag: 'open311',
    roles: 'public',
    body: Open311PostRequest,
    response: lazy(() => z.array(Open311Created)),
    error: Open311Errors,
  },
  'GET /open311/v2/requests.json': {
    summary: 'Open311: requests (≤ 90 days, status open/closed)',
    tag: 'open311',
    roles: 'public',
    query: Open311ListQuery,
    response: lazy(() => z.array(Open311Request)),
    error: Open311Errors,
  },
  'GET /open311/v2/requests/{file}': {
    summary: 'Open311: one request ({service_request_id}.json)',
    tag: 'open311',
    roles: 'public',
    params: Open311FileParams,
    response: lazy(() => z.array(Open311Request)),
    error: Open311Errors,
  },
  'GET /open311/v2/tokens/{file}': {
    summary: 'Open311: token → request id ({token}.json or .xml)',
    tag: 'open311',
    roles: 'public',
    params: Open311FileParams,
    response: lazy(() => z.array(Open311Token)),
    error: Open311Errors,
  },
  'GET /open311/v2/services.xml': {
    summary: 'Open311: services as XML (the spec’s default format)',
    tag: 'open311',
    roles: 'public',
    format: 'xml',
    response: lazy(() => z.array(Open311Service)),
    error: Open311Errors,
  },
  'POST /open311/v2/requests.xml': {
    summary: 'Open311: file a request, answered as XML',
    tag: 'open311',
    roles: 'public',
    format: 'xml',
    body: Open311PostRequest,
    response: lazy(() => z.array(Open311Created)),
    error: Open311Errors,
  },
  'GET /open311/v2/requests.xml': {
    summary: 'Open311: requests as XML',
    tag: 'open311',
    roles: 'public',
    format: 'xml',
    query: Open311ListQuery,
    response: lazy(() => z.array(Open311Request)),
    error: Open311Errors,
  },
  'GET /open311/discovery.json': {
    summary: 'Open311 discovery: where the GeoReport v2 endpoint is and what it speaks',
    tag: 'open311',
    roles: 'public',
    response: Open311Discovery,
    error: Open311Errors,
  },
  'GET /open311/discovery.xml': {
    summary: 'Open311 discovery as XML',
    tag: 'open311',
    roles: 'public',
    format: 'xml',
    response: Open311Discovery,
    error: Open311Errors,
  },
} as const satisfies Record<string, RouteDef>;

export type RouteTable = typeof ROUTE_TABLE;
export type RouteKey = keyof RouteTable;

function docOf(key: string, def: RouteDef): RouteDoc {
  const [method, path] = key.split(' ') as [RouteDoc['method'], string];
  return { ...def, method, path, auth: def.roles === 'public' ? 'public' : 'session', error: def.error ?? ErrorBody };
}

/** Look a route up by its key: `ROUTE_BY_KEY['GET /v1/forms/{formId}'].response`. */
export const ROUTE_BY_KEY = Object.fromEntries(Object.entries(ROUTE_TABLE).map(([k, d]) => [k, docOf(k, d)])) as { [K in RouteKey]: RouteTable[K] & RouteDoc };

/** Every route, in the table's order. */
export const ROUTES: RouteDoc[] = Object.values(ROUTE_BY_KEY);

/** The entry of a route key, or undefined for a key the table does not have. */
export const routeOf = (key: string): RouteDoc | undefined => (ROUTE_BY_KEY as Record<string, RouteDoc>)[key];

export { ErrorBody };
