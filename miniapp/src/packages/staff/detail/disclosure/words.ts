import { DISCLOSURE_RULES, type ExtensionBasis, type ReplyKind, type StaffAction } from '@yx/shared';

/** 依申请公开 on the officer's page: the words the forms say (the 条例's articles and when each step applies). */

/** When each kind of reply is the right one, in one line (the article comes from REPLY_KINDS). */
export const REPLY_WHEN: Readonly<Record<ReplyKind, string>> = {
  published: '所申请的信息已经主动公开：告知获取的方式和途径',
  disclosed: '可以公开：附上所申请的信息（PDF）',
  partial: '含有不应公开的内容、但能够区分处理：提供可以公开的部分，说明不予公开的部分和理由',
  withheld: '属于不予公开的范围（国家秘密、商业秘密、个人隐私、过程性信息等）：说明理由和依据',
  not_exist: '经检索没有所申请的信息：告知该信息不存在',
  not_ours: '不属于本机关负责公开：告知申请人；能够确定负责公开的机关的，告知其名称和联系方式',
  repeated: '同一申请人重复申请相同信息、本机关已经答复过：告知不予重复处理',
  other_law: '工商、不动产登记资料等，有关法律、行政法规对获取另有规定：告知按照规定办理',
  not_processed: '申请人不能说明理由、或理由不合理的大量、频繁申请：告知不予处理',
};

/** The two ways to have more time: their article, name and what each means, in one line. */
export const EXTENSION_BASES: readonly { value: ExtensionBasis; name: string; line: string; max: number }[] = [
  {
    value: 'art33',
    name: '第三十三条 延长答复期限',
    line: `因正当理由不能在 ${DISCLOSURE_RULES.replyDays} 个工作日内答复的，经批准延长，最长 ${DISCLOSURE_RULES.extensionMaxDays} 个工作日`,
    max: DISCLOSURE_RULES.extensionMaxDays,
  },
  {
    value: 'art35',
    name: '第三十五条 延迟答复',
    line: `申请数量、频次明显超过合理范围（近 ${DISCLOSURE_RULES.frequent.days} 日 ${DISCLOSURE_RULES.frequent.requests} 件以上）的，确定延迟答复的合理期限，最长 ${DISCLOSURE_RULES.art35MaxDays} 个工作日`,
    max: DISCLOSURE_RULES.art35MaxDays,
  },
];

/** What a request's 补正 usually asks to make clear (art. 30: the description must let the body find the information). */
export const CLARIFY_ITEMS = ['所需信息的描述', '文件名称或文号', '信息的时间范围', '获取信息的方式'] as const;

/** The actions' names as the 条例 calls them (the licence names read wrong here). */
export const DISCLOSURE_ACTION_NAMES: Partial<Record<StaffAction, string>> = {
  accept: '登记',
  requestSupplement: '告知补正',
  startExcluded: '征求意见',
  endExcluded: '征求意见结束',
};
