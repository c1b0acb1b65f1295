import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, detail, fail, item, login, match, ok, resetTaro, serve } from '../testing';
import PolicyDetailPage from './index';

beforeEach(() => {
  resetTaro();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'tech-2026' } });
});

const marks = (el: HTMLElement) =>
  within(el)
    .getAllByTestId('condition-mark')
    .map((m) => m.textContent);

describe('政策详情', () => {
  it('shows anyone the interpretation first, the items with their conditions in words, and the original text folded', async () => {
    serve({ 'GET /v1/policies/tech-2026': () => ok(detail()) });
    render(<PolicyDetailPage />);
    const interpretation = await screen.findByTestId('interpretation');
    expect(interpretation).toHaveTextContent('区里直接给 20 万元，不用申请');
    const first = screen.getByTestId('item-tech-2026-1');
    // the interpretation comes before the items
    expect(interpretation.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(first).getByTestId('mode')).toHaveTextContent('免申即享');
    expect(
      within(first)
        .getAllByTestId('condition-text')
        .map((c) => c.textContent),
    ).toEqual(['1. 企业资质：高新技术企业', '2. 成立年限：满 3 年']);
    const second = screen.getByTestId('item-tech-2026-2');
    expect(within(second).getByTestId('mode')).toHaveTextContent('依申请');
    expect(second).toHaveTextContent('申请时需提供：上年度完税证明');
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByTestId('apply')).toBeNull();
    expect(screen.getByText('越府办规〔2026〕3号')).toBeInTheDocument();

    expect(screen.queryByTestId('original-text')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '展开原文' }));
    expect(screen.getByTestId('original-text')).toHaveTextContent('第一条 为促进我区科技创新');
    expect(screen.getByRole('button', { name: '收起原文' })).toHaveAttribute('aria-expanded', 'true');
    expect(calls('GET', '/v1/firm/policies/tech-2026')).toHaveLength(0);
  });

  it('shows a firm each condition with its mark, reason and hint, the verdict and amount, and the way on', async () => {
    login('enterprise');
    serve({
      'GET /v1/firm/policies/tech-2026': () =>
        ok(
          detail({
            items: [
              ...detail().items,
              item({
                id: 'tech-2026-3',
                title: '新办企业开办补贴',
                mode: 'apply',
                conditions: [{ kind: 'age', max: 1 }],
                conditionTexts: ['成立年限：不满 1 年'],
              }),
              item({ id: 'tech-2026-4', title: '成长型企业奖励', mode: 'auto' }),
            ],
            matches: [
              match({ offerStatus: 'offered' }),
              match({
                itemId: 'tech-2026-2',
                verdict: 'unknown',
                amountYuan: undefined,
                conditions: [{ kind: 'taxPaid', status: 'unknown', text: '上年度纳税额数据缺失', hint: '上传上年度完税证明', fact: 'taxPaid' }],
              }),
              match({
                itemId: 'tech-2026-3',
                verdict: 'ineligible',
                amountYuan: undefined,
                conditions: [{ kind: 'age', status: 'unmet', text: '成立不满 1 年（成立于 2020-05-01，已满 1 年）' }],
              }),
              match({
                itemId: 'tech-2026-4',
                verdict: 'ineligible',
                amountYuan: undefined,
                conditions: [
                  { kind: 'qualification', status: 'met', text: '已认定为高新技术企业' },
                  { kind: 'age', status: 'unmet', text: '成立满 8 年（成立于 2020-05-01）', hint: '还差 5 个月（2028-05-01 起满 8 年）' },
                ],
              }),
            ],
          }),
        ),
    });
    render(<PolicyDetailPage />);
    const auto = await screen.findByTestId('item-tech-2026-1');
    expect(screen.getByTestId('match-summary')).toHaveTextContent('本企业符合 1 项，1 项信息待补充');
    expect(calls('GET', '/v1/policies/tech-2026')).toHaveLength(0);

    // 符合条件, the amount, every condition 满足, and 去确认 for the offer waiting
    expect(within(auto).getByTestId('verdict')).toHaveTextContent('符合条件');
    expect(within(auto).getByTestId('amount')).toHaveTextContent('预计可得 20 万元');
    expect(marks(auto)).toEqual(['满足', '满足']);
    fireEvent.click(within(auto).getByRole('button', { name: '去确认：高新技术企业认定奖励' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/offers/index' });

    // 信息不足: the missing fact says what to upload, links to 企业画像, and 申请兑现 opens the form with the policy item
    const apply = screen.getByTestId('item-tech-2026-2');
    expect(within(apply).getByTestId('verdict')).toHaveTextContent('信息不足');
    expect(within(apply).getByTestId('verdict')).toHaveClass('tag-orange');
    expect(marks(apply)).toEqual(['待补充']);
    expect(within(apply).getByTestId('condition-hint')).toHaveTextContent('上传上年度完税证明');
    fireEvent.click(within(apply).getByRole('button', { name: '去企业画像补充上年度纳税额' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/profile/index?fact=taxPaid' });
    fireEvent.click(within(apply).getByTestId('apply'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/apply/form/index?formId=item-rd-subsidy&policyItemId=tech-2026-2' });

    // 暂不符合 (依申请): no application, the reason stays
    const no = screen.getByTestId('item-tech-2026-3');
    expect(within(no).getByTestId('verdict')).toHaveTextContent('暂不符合');
    expect(marks(no)).toEqual(['不满足']);
    expect(within(no).queryByTestId('apply')).toBeNull();
    expect(no).toHaveTextContent('暂不符合条件');

    // the hint of an unmet condition: how long until it is met
    const later = screen.getByTestId('item-tech-2026-4');
    expect(marks(later)).toEqual(['满足', '不满足']);
    expect(within(later).getByTestId('condition-hint')).toHaveTextContent('还差 5 个月');
    expect(within(later).queryByRole('button')).toBeNull();
  });

  it('opens the general 惠企政策兑现申请 form when the item names no catalogue item, and shows a filed application instead of a second one', async () => {
    login('enterprise');
    const two = detail().items[1];
    serve({
      'GET /v1/firm/policies/tech-2026': () =>
        ok(
          detail({
            items: [
              { ...two, serviceItemId: undefined },
              { ...two, id: 'tech-2026-5', title: '研发投入补助（二期）' },
            ],
            matches: [match({ itemId: 'tech-2026-2', verdict: 'eligible' }), match({ itemId: 'tech-2026-5', verdict: 'eligible', appNo: 'YX20261120000012' })],
          }),
        ),
    });
    render(<PolicyDetailPage />);
    fireEvent.click(within(await screen.findByTestId('item-tech-2026-2')).getByTestId('apply'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/apply/form/index?formId=item-policy-claim&policyItemId=tech-2026-2' });
    const filed = screen.getByTestId('item-tech-2026-5');
    expect(within(filed).queryByTestId('apply')).toBeNull();
    expect(filed).toHaveTextContent('已提交申请，办件编号 YX20261120000012');
  });

  it('marks a withdrawn policy with the reason and offers no way to claim', async () => {
    login('enterprise');
    serve({
      'GET /v1/firm/policies/tech-2026': () =>
        ok(
          detail({
            status: 'withdrawn',
            withdrawnReason: '上级政策调整，本措施停止执行',
            matches: [match({ offerStatus: 'offered' }), match({ itemId: 'tech-2026-2', verdict: 'eligible' })],
          }),
        ),
    });
    render(<PolicyDetailPage />);
    const banner = await screen.findByTestId('withdrawn');
    expect(banner).toHaveTextContent('本政策已撤回');
    expect(banner).toHaveTextContent('撤回原因：上级政策调整，本措施停止执行');
    expect(screen.queryByTestId('apply')).toBeNull();
    expect(screen.queryByText('去确认')).toBeNull();
  });

  it('shows a firm the firm’s view refused (403) the public policy, saying why', async () => {
    login('enterprise', 'agent');
    serve({
      'GET /v1/firm/policies/tech-2026': () => fail(403, '企业已撤销您的经办人授权，不能再以企业身份办理'),
      'GET /v1/policies/tech-2026': () => ok(detail()),
    });
    render(<PolicyDetailPage />);
    expect(await screen.findByTestId('firm-refused')).toHaveTextContent('企业已撤销您的经办人授权');
    expect(await screen.findByTestId('interpretation')).toBeInTheDocument();
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.getAllByTestId('condition-text')).toHaveLength(3);
    expect(screen.queryByText(/企业用户登录后/)).toBeNull();
  });

  it('says why the policy could not be loaded, with 重试', async () => {
    serve({ 'GET /v1/policies/tech-2026': () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '政策不存在或已删除' } } }) });
    render(<PolicyDetailPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('政策不存在或已删除');
    expect(screen.getByText('重试')).toBeInTheDocument();
  });
});
