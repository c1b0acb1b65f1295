import * as z from 'zod';

/**
 * Chinese messages for people, not programmers. Schemas may set their own message; everything
 * else falls back to these. The field's Chinese label is added by `describeIssues`.
 */
const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};

export function chineseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${TYPE_NAMES[issue.expected as string] ?? '正确的格式'}`;
    case 'invalid_value':
      return '不是可选的值';
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return `不能大于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return `不能小于 ${min}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`;
    default:
      return '填写有误';
  }
}

/** Chinese fallback messages for every schema (read at parse time, so order does not matter). */
export function configureZod(): void {
  z.config({ localeError: chineseMessage });
}
configureZod();

/** Field names in Chinese, for messages like "身份证号码：号码有误，请逐位核对，特别是最后一位". */
export const FIELD_LABELS: Record<string, string> = {
  body: '请求内容',
  code: '登录凭证',
  userId: '用户',
  name: '姓名',
  idNumber: '身份证号码',
  phone: '手机号码',
  creditCode: '统一社会信用代码',
  enterpriseName: '企业名称',
  aboutFirm: '投诉对象',
  // 信用 (issue 20)
  scan: '信用码',
  stars: '星级',
  tags: '评价标签',
  ratingId: '评价编号',
  recordId: '信用信息编号',
  approve: '核查结论',
  version: '版本',
  q: '搜索词',
  audience: '服务对象',
  department: '部门',
  theme: '主题',
  limit: '每页条数',
  cursor: '翻页位置',
  id: '编号',
  reveal: '显示完整信息',
  appNo: '办件编号',
  answers: '申请表',
  value: '评价',
  comment: '评价内容',
  fileName: '文件名',
  contentType: '文件类型',
  size: '文件大小',
  state: '状态',
  formId: '表单',
  messageId: '消息',
  at: '时间',
  deferred: '容缺材料',
  commitment: '信用承诺',
  signer: '签署人',
  itemId: '办事事项',
  bundleId: '“一件事”主题',
  fileId: '文件',
  step: '步骤',
  categoryId: '诉求分类',
  description: '问题描述',
  photoIds: '照片',
  place: '位置',
  anonymous: '匿名反映',
  no: '工单编号',
  lat: '纬度',
  lng: '经度',
  address: '地址',
  street: '所在街道',
  result: '办理结果',
  reason: '原因',
  teamId: '承办单位',
  note: '说明',
  // 领取方式 and 特别程序 (issue 16)
  method: '领取方式',
  postTo: '收件信息',
  recipient: '收件人',
  kind: '类型',
  // the service catalogue's editor (issue 16)
  item: '事项',
  expectedVersion: '所编辑的版本',
  fields: '申请表问题',
  key: '字段编号',
  label: '问题名称',
  type: '填写方式',
  options: '选项',
  placeholder: '提示文字',
  help: '填写说明',
  required: '是否必填',
  materials: '申请材料',
  instruction: '材料说明',
  eLicence: '可用电子证照',
  conditions: '受理条件',
  summary: '事项简介',
  departmentId: '实施部门',
  promisedDays: '承诺时限',
  statutoryDays: '法定时限',
  assurance: '实名等级',
  deferrable: '容缺受理',
  excludedKinds: '特别程序',
  delivery: '结果领取方式',
  online: '全程网办',
  keywords: '关键词',
  legalBasis: '设定依据',
  // 预约 / 取号 / 叫号 (issue 18)
  date: '日期',
  start: '时段',
  pointId: '办事地点',
  appointmentId: '预约',
  applicationId: '关联办件',
  purpose: '预约事由',
  location: '位置',
  system: '坐标系',
  toWindow: '转到的窗口',
  windowNo: '窗口号',
  days: '天数',
  from: '起始日期',
  geofenceMeters: '签到范围',
  slotMinutes: '时段长度',
  capacityPerWindow: '每窗口每时段人数',
  windows: '窗口',
  areas: '业务区',
  hours: '开放时间',
  // 依申请公开 (issue 19)
  basis: '延期依据',
  approvedBy: '批准人',
  files: '附件',
  where: '获取方式、途径',
  exemption: '不予公开的依据',
  withheld: '不予公开的部分',
  rightBody: '负责公开的机关',
  earlierAppNo: '此前申请编号',
  year: '年份',
  // 居民议事 (issue 19)
  communityId: '所在社区',
  topicId: '议题',
  commentId: '评论',
  details: '议题内容',
  text: '内容',
  closesAt: '截止时间',
  opensAt: '开始时间',
  vote: '投票',
  question: '投票问题',
  maxPicks: '最多可选',
  quorumPercent: '参与率要求',
  resultsVisibility: '结果公布方式',
  completes: '是否已全部落实',
  replyTo: '回复的评论',
  choices: '投票选项',
  confirm: '确认结果',
  action: '处理方式',
  status: '状态',
  view: '列表',
  // 政务公开 (issue 19)
  category: '栏目',
  title: '标题',
  content: '正文',
  docNo: '文号',
  publishedOn: '发布日期',
  attachments: '附件',
  interpretsId: '所解读的政策文件',
  validity: '效力状态',
  subscribed: '是否订阅',
};

export interface IssueDetail {
  field: string;
  message: string;
}

export function describeIssues(error: z.ZodError, labels: Record<string, string> = FIELD_LABELS): IssueDetail[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const last = [...i.path].reverse().find((p) => typeof p === 'string') as string | undefined;
    const label = last ? (labels[last] ?? last) : '';
    return { field, message: label ? `${label}：${i.message}` : i.message };
  });
}
