import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DISCLOSURE_REMEDIES, type ApplicationDetail } from '@yx/shared';
import Detail from './index';
import { application, calls, ok, onApplicationPage, serve } from './testKit';

const APP = 'YX20260921000042';

/** A request to 区住房建设局: received 9-21, extended by 20 working days, 3 days asking a third party not counted. */
const extended = application(APP, {
  itemId: 'information-disclosure',
  itemName: '政府信息公开申请',
  departmentName: '广州市越秀区住房和城乡建设局',
  state: 'submitted',
  stateName: '已提交，待受理',
  statutoryDays: 40,
  statutory: { started: true, deadline: '2026-11-26', remainingDays: 10 },
  nextAction: { kind: 'wait', text: '等待部门受理审查；办理时限从提交之日起按工作日计算' },
  disclosure: {
    request: { requestedInfo: '老旧小区改造项目计划', format: '电子文档（在线获取）' },
    receivedOn: '2026-09-21',
    deadline: '2026-11-26',
    extension: { basis: 'art33', days: 20, approvedBy: '陈主任', reason: '需调取历年档案', on: '2026-10-20' },
    pausedDays: 3,
  },
});

const replied = (reply: Partial<NonNullable<NonNullable<ApplicationDetail['disclosure']>['reply']>>): ApplicationDetail => ({
  ...extended,
  state: 'replied',
  stateName: '已答复',
  light: null,
  remainingDays: null,
  statutory: { started: true, deadline: null, remainingDays: null },
  nextAction: { kind: 'rate', text: '办理已结束，请对本次服务进行评价' },
  disclosure: {
    ...extended.disclosure!,
    reply: {
      kind: 'partial',
      kindName: '部分公开',
      on: '2026-11-20',
      onTime: true,
      text: '现将可以公开的部分提供给你。',
      files: [],
      remedies: DISCLOSURE_REMEDIES,
      ...reply,
    },
  },
});

beforeEach(() => onApplicationPage(APP));

describe('依申请公开 on the requester’s page', () => {
  it('draws the clock from receipt to the deadline, the extension and the days not counted marked, and says it in words', async () => {
    serve(APP, () => extended);
    render(<Detail />);
    const clock = await screen.findByTestId('disclosure-clock');
    expect(screen.queryByTestId('plain-progress')).not.toBeInTheDocument();
    // 20 + 20 + 3 working days: the extension and the pause as parts of the bar, 30 used filled in
    expect(screen.getByTestId('dq-ext')).toHaveStyle({ width: '46.5%' });
    expect(screen.getByTestId('dq-paused')).toHaveStyle({ width: '7%' });
    expect(screen.getByTestId('dq-fill')).toHaveStyle({ width: '69.8%' });
    expect(within(clock).getByRole('img').getAttribute('aria-label')).toContain('答复期限：2026年11月26日');
    expect(screen.getAllByText(/./, { selector: '.dq-word' }).map((w) => w.textContent)).toEqual([
      '2026年9月21日收到您的申请',
      '依法应在 20 个工作日内答复',
      '经批准延长 20 个工作日（需调取历年档案）',
      '征求第三方或其他机关意见用去 3 个工作日，不计入答复期限',
      '答复期限：2026年11月26日',
      '已用 30 个工作日，还剩 10 个工作日',
    ]);
    expect(screen.getByTestId('next-action')).toHaveTextContent('部门正在办理，将于 2026年11月26日 前答复');
    expect(screen.queryByTestId('disclosure-reply')).not.toBeInTheDocument();
  });

  it('shows a 部分公开 reply: the tag, the words, what was withheld and why, the information to open, and the remedies', async () => {
    serve(APP, () =>
      replied({
        withheld: '施工单位的报价明细',
        exemption: { name: '商业秘密、个人隐私', basis: '《中华人民共和国政府信息公开条例》第十五条（涉及商业秘密、个人隐私等…）' },
        files: [{ fileId: 'f_reply0001', url: 'https://files/plan.pdf', fileName: '改造项目计划.pdf', contentType: 'application/pdf' }],
      }),
    );
    render(<Detail />);
    const reply = await screen.findByTestId('disclosure-reply');
    expect(within(reply).getByTestId('reply-kind')).toHaveTextContent('部分公开');
    expect(within(reply).getByTestId('reply-kind')).toHaveClass('tag-orange');
    expect(within(reply).getByTestId('reply-text')).toHaveTextContent('现将可以公开的部分提供给你。');
    expect(within(reply).getByTestId('reply-withheld')).toHaveTextContent('不予公开的部分施工单位的报价明细');
    expect(within(reply).getByTestId('reply-exemption')).toHaveTextContent('不予公开的理由商业秘密、个人隐私依据：《中华人民共和国政府信息公开条例》第十五条');
    expect(within(reply).getByTestId('material-file')).toHaveTextContent('改造项目计划.pdf · 查看');
    expect(within(reply).getByTestId('reply-remedies')).toHaveTextContent(/行政复议.*行政诉讼/);
    expect(screen.getByTestId('dq-words')).toHaveTextContent('2026年11月20日已答复，在答复期限内');
    expect(screen.getByTestId('dq-fill')).toHaveStyle({ width: '100%' });
  });

  it.each([
    [
      'published',
      { kind: 'published', kindName: '已主动公开', where: '越秀区人民政府网站“政务公开”栏目' },
      'reply-where',
      '获取途径越秀区人民政府网站',
      'tag-green',
    ],
    [
      'not_ours',
      { kind: 'not_ours', kindName: '非本机关负责公开', rightBody: { name: '广州市规划和自然资源局', contact: '020-12345678' } },
      'reply-right-body',
      '请向以下机关申请广州市规划和自然资源局联系方式：020-12345678',
      'tag-blue',
    ],
    [
      'withheld',
      { kind: 'withheld', kindName: '不予公开', exemption: { name: '过程性信息', basis: '第十六条第二款' } },
      'reply-exemption',
      '不予公开的理由过程性信息依据：第十六条第二款',
      'tag-red',
    ],
  ] as const)('shows a %s reply with what it carries', async (_k, reply, testId, text, tone) => {
    serve(APP, () => replied(reply as never));
    render(<Detail />);
    expect(await screen.findByTestId(testId)).toHaveTextContent(text);
    expect(screen.getByTestId('reply-kind')).toHaveClass(tone);
    expect(screen.queryByTestId('reply-withheld')).not.toBeInTheDocument();
  });

  it('opens the earlier request a 重复申请 reply names', async () => {
    serve(APP, () => replied({ kind: 'repeated', kindName: '重复申请', earlierAppNo: 'YX20260901000007' }));
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('reply-earlier'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20260901000007' });
  });

  it('takes the 补正 in words, one box per item, and sends them as text', async () => {
    const asked: ApplicationDetail = {
      ...extended,
      state: 'supplement',
      stateName: '待补正材料',
      light: null,
      remainingDays: null,
      statutory: { started: true, deadline: null, remainingDays: null },
      nextAction: { kind: 'supplement', text: '请按一次性告知清单补正材料，补正后继续办理' },
      supplementNotice: {
        items: [
          { material: '所需信息的描述', reason: '请写明小区名称或项目名称' },
          { material: '信息的时间范围', reason: '请写明年份' },
        ],
        dueDate: '2026-11-03',
      },
      disclosure: {
        request: { requestedInfo: '老旧小区改造项目计划', format: '电子文档（在线获取）' },
        receivedOn: '2026-09-21',
        deadline: '2026-10-26',
        pausedDays: 0,
      },
    };
    const after = {
      ...extended,
      disclosure: {
        request: { requestedInfo: '老旧小区改造项目计划', format: '电子文档（在线获取）' },
        receivedOn: '2026-09-21',
        restartedOn: '2026-10-20',
        deadline: '2026-11-17',
        pausedDays: 0,
      },
    };
    serve(APP, () => asked, { [`POST /v1/applications/${APP}/supplement`]: () => ok(after) });
    render(<Detail />);
    expect(await screen.findByTestId('next-action')).toHaveTextContent('部门需要您补充说明申请内容');
    expect(screen.getByTestId('dq-words')).toHaveTextContent('等您补正申请内容；收到补正之日起重新计算 20 个工作日');
    expect(screen.queryByTestId('material-upload')).not.toBeInTheDocument();
    expect(screen.getByText('请于 2026年11月3日 前补正，逾期未补正视为放弃申请')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('所需信息的描述'), { target: { value: '东山街道新河浦社区2026年老旧小区改造项目' } });
    fireEvent.click(screen.getByText('提交补正'));
    expect(await screen.findByText('请先说明：信息的时间范围')).toBeInTheDocument();
    expect(calls('POST', `/v1/applications/${APP}/supplement`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('信息的时间范围'), { target: { value: '2026 年' } });
    fireEvent.click(screen.getByText('提交补正'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/supplement`)).toHaveLength(1));
    expect(JSON.parse(calls('POST', `/v1/applications/${APP}/supplement`)[0].data)).toEqual({
      answers: { 所需信息的描述: '东山街道新河浦社区2026年老旧小区改造项目', 信息的时间范围: '2026 年' },
    });
    expect(await screen.findByText('2026年10月20日收到您的补正，答复期限重新计算')).toBeInTheDocument();
  });
});
