import { render, screen, within, fireEvent } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { detail, fail, ok, resetTaro, serve } from '../testing';
import PublicationPage from './index';

beforeEach(resetTaro);
const open = (id: string) => (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id } });

describe('政务公开 detail', () => {
  it('shows the text in paragraphs, the department in full, the PDF to open and the interpretations of a policy', async () => {
    open('pb_seedBldgPolicy');
    serve({ 'GET /v1/publications/pb_seedBldgPolicy': () => ok(detail()) });
    render(<PublicationPage />);
    expect(await screen.findByText('越秀区促进楼宇经济高质量发展若干措施')).toBeInTheDocument();
    expect(screen.getByText('广州市越秀区商务局 · 2026-05-12')).toBeInTheDocument();
    expect(screen.getByText('文号：越府办规〔2026〕2号')).toBeInTheDocument();
    expect(screen.getByTestId('validity')).toHaveTextContent('有效');
    expect(
      within(screen.getByTestId('publication-text'))
        .getAllByText(/^第/)
        .map((p) => p.textContent),
    ).toEqual(['第一条 适用范围。', '第二条 楼宇提升奖励。']);
    expect(screen.getByTestId('attachments')).toHaveTextContent('措施全文.pdf（200 KB）');
    const link = screen.getByTestId('interpretation-link');
    expect(link).toHaveTextContent('政策解读');
    fireEvent.click(link);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/openness/detail/index?id=pb_seedBldgReader' });
    expect(screen.queryByTestId('interprets')).toBeNull();
  });

  it('links an interpretation to its policy, and marks a repealed policy', async () => {
    open('pb_seedBldgReader');
    serve({
      'GET /v1/publications/pb_seedBldgReader': () =>
        ok(
          detail({
            id: 'pb_seedBldgReader',
            category: 'interpretation',
            categoryName: '政策解读',
            validity: undefined,
            docNo: undefined,
            attachments: [],
            interpretations: [],
            interprets: {
              id: 'pb_seedBldgPolicy',
              title: '越秀区促进楼宇经济高质量发展若干措施',
              category: 'policy',
              publishedOn: '2026-03-16',
              departmentName: '区商务局',
              docNo: '越府办规〔2026〕2号',
            },
          }),
        ),
    });
    render(<PublicationPage />);
    fireEvent.click(await screen.findByTestId('interprets-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/openness/detail/index?id=pb_seedBldgPolicy' });
    expect(screen.queryByTestId('attachments')).toBeNull();
    expect(screen.queryByTestId('validity')).toBeNull();

    open('pb_seedLiftOld19');
    serve({ 'GET /v1/publications/pb_seedLiftOld19': () => ok(detail({ id: 'pb_seedLiftOld19', validity: 'repealed' })) });
    render(<PublicationPage />);
    expect(await screen.findByTestId('repealed')).toHaveTextContent('本文件已废止');
  });

  it('says when an item was withdrawn or never was, with 重试', async () => {
    open('pb_goneItem0001');
    serve({ 'GET /v1/publications/pb_goneItem0001': () => fail(404, '没有这条信息，或已撤回', 'NOT_FOUND') });
    render(<PublicationPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('没有这条信息，或已撤回');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
