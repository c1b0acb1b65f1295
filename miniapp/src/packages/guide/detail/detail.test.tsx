import { render, screen, within } from '@testing-library/react';
import type { ServiceDetail } from '@yx/shared';
import { DetailBody } from './index';

const detail: ServiceDetail = {
  item: {
    id: 'food-licence',
    code: '440104MS0012',
    name: '食品经营许可',
    departmentId: 'market',
    audience: ['enterprise'],
    themes: ['operation'],
    keywords: ['食品', '餐饮'],
    summary: '从事食品销售和餐饮服务',
    conditions: ['有与经营相适应的场所'],
    materials: [
      {
        name: '食品经营许可申请书',
        required: true,
        form: 'electronic',
        copies: 0,
        eLicence: null,
        source: 'form',
        instruction: '在线填写经营项目、场所地址和面积，提交时自动生成，无需上传。',
      },
      {
        name: '营业执照',
        required: true,
        form: 'original',
        copies: 1,
        eLicence: 'business-licence',
        source: 'upload',
        instruction: '可直接选用电子营业执照；没有的，拍摄营业执照正本上传。',
      },
      {
        name: '食品安全管理制度',
        required: true,
        form: 'copy',
        copies: 1,
        eLicence: null,
        source: 'upload',
        instruction: '列出食品安全制度的目录，拍照或扫描上传。',
      },
      {
        name: '委托书',
        required: false,
        form: 'original',
        copies: 1,
        eLicence: null,
        source: 'upload',
        instruction: '请他人代办时才需要：拍摄您签名的委托书上传。',
      },
    ],
    legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
    statutoryDays: 20,
    promisedDays: 5,
    fee: { charged: false, description: '不收费' },
    channels: ['online', 'hall'],
    visits: 0,
    hall: '越秀区政务服务中心',
    hours: '周一至周五',
    steps: [
      { name: '申请', actor: '申请人', description: '网上提交', days: 0 },
      { name: '审查', actor: '审批科室', description: '材料审查', days: 3 },
      { name: '决定', actor: '审批科室', description: '作出决定', days: 2 },
    ],
    result: '食品经营许可证',
    delivery: ['electronic', 'post'],
    faq: [{ q: '要多久？', a: '承诺 5 个工作日。' }],
    opinionDepartmentIds: [],
    popularity: 100,
    online: true,
    assurance: 2,
    deferrable: true,
    excludedKinds: ['testing'],
  },
  department: { id: 'market', name: '越秀区市场监督管理局', shortName: '区市场监管局', phone: '020-12345678', address: '越秀区' },
  opinionDepartments: [],
  bundles: [{ id: 'open-restaurant', name: '开餐馆一件事', audience: 'enterprise', summary: 's', slogan: 'x', promisedDays: 5, itemIds: ['a', 'b'] }],
  qrText: 'https://example/guide/food-licence?code=440104MS0012',
};

describe('guide detail', () => {
  it('shows every guide element a person needs', () => {
    render(<DetailBody d={detail} />);
    expect(screen.getByText('食品经营许可')).toBeInTheDocument();
    expect(screen.getByText('5 个工作日')).toBeInTheDocument(); // promised
    expect(screen.getByText('20 个工作日')).toBeInTheDocument(); // statutory
    expect(screen.getByText('免费')).toBeInTheDocument();
    expect(screen.getByText('零跑动')).toBeInTheDocument();
    expect(screen.getAllByTestId('material')).toHaveLength(4);
    expect(screen.getAllByText('必交')).toHaveLength(3);
    expect(screen.getByText('选交')).toBeInTheDocument();
    expect(screen.getByText('电子证照可免交')).toBeInTheDocument();
    expect(screen.getByText(/共 4 项，必交 3 项，1 项可用电子证照免交，1 项无需上传/)).toBeInTheDocument();
    expect(screen.getByLabelText('办理流程图')).toHaveTextContent('审查');
    expect(screen.getByText('《中华人民共和国食品安全法》第三十五条')).toBeInTheDocument();
    expect(screen.getByText('问：要多久？')).toBeInTheDocument();
    expect(screen.getByText(/开餐馆一件事/)).toBeInTheDocument();
    const qr = screen.getByAltText('食品经营许可的二维码') as HTMLImageElement;
    expect(qr.src.startsWith('data:image/svg+xml;base64,')).toBe(true);
  });

  it('says each material in plain words; what the form produces needs no upload (issue 14)', () => {
    render(<DetailBody d={detail} />);
    const [application, licence, rules] = screen.getAllByTestId('material');
    expect(application).toHaveTextContent('食品经营许可申请书');
    expect(application).toHaveTextContent('提交时自动生成，无需上传');
    expect(application).toHaveTextContent('在线生成');
    expect(application).not.toHaveTextContent(/原件|复印件/);
    expect(within(application).queryByRole('button')).not.toBeInTheDocument();
    expect(within(application).queryByText('拍照/上传')).not.toBeInTheDocument();
    expect(licence).toHaveTextContent('可直接选用电子营业执照；没有的，拍摄营业执照正本上传。');
    expect(licence).toHaveTextContent('窗口办理时带原件');
    expect(rules).toHaveTextContent('窗口办理时带复印件 1 份');
  });

  it('says whether the item is open to 容缺受理, and the rule', () => {
    const { unmount } = render(<DetailBody d={detail} />);
    expect(screen.getByText('可容缺受理')).toBeInTheDocument();
    expect(screen.getByTestId('deferrable')).toHaveTextContent('A 级企业可暂缺不超过 30%');
    expect(screen.getByTestId('deferrable')).toHaveTextContent('10 个工作日内补交');
    unmount();
    render(<DetailBody d={{ ...detail, item: { ...detail.item, deferrable: false } }} />);
    expect(screen.queryByText('可容缺受理')).not.toBeInTheDocument();
    expect(screen.queryByTestId('deferrable')).not.toBeInTheDocument();
  });

  it('names the special procedures not counted in the time limits', () => {
    render(<DetailBody d={detail} />);
    expect(screen.getByTestId('excluded-kinds')).toHaveTextContent('如需检验检测，所需时间依法不计入办理时限');
  });

  it('says what level of real name applying online needs', () => {
    const { unmount } = render(<DetailBody d={detail} />);
    expect(screen.getByTestId('assurance')).toHaveTextContent('人脸核验实名');
    unmount();
    render(<DetailBody d={{ ...detail, item: { ...detail.item, assurance: 1 } }} />);
    expect(screen.getByTestId('assurance')).toHaveTextContent('填写实名信息即可');
  });
});
