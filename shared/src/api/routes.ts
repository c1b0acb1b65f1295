import * as z from 'zod';
import { ErrorBody } from './errors';
import {
  BundleDetail, BundleListResponse, DepartmentListResponse, IdParams, ServiceDetail, ServiceListQuery, ServiceListResponse, ThemeListResponse,
} from '../guide/api';
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
];

export { ErrorBody };
