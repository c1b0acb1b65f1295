import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { signIn } from '../../../../test/session';
import Catalogue from './index';
import CatalogueEditor from './edit/index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
type Req = { url: string; method: string; data?: string };
const sent = (method: string, url: string) => request.mock.calls.map((c) => c[0] as Req).filter((c) => c.method === method && c.url.split('?')[0] === url);

const DEPTS = { items: [{ id: 'police', name: '广州市公安局越秀区分局', shortName: '越秀公安分局', phone: '020-83116110', address: '解放北路863号' }] };
const base = SERVICE_ITEMS.find((i) => i.id === 'id-card')!;
const item = {
  ...base,
  id: 'pet-dog',
  name: '宠物犬登记',
  departmentId: 'police',
  fields: [{ key: 'dogName', label: '犬只名字', type: 'text', required: true }],
};
const VIEW = {
  item,
  version: 2,
  savedAt: '2026-11-30T02:00:00.000Z',
  savedBy: '区政数局管理员',
  fields: item.fields,
  versions: [
    { version: 2, name: item.name, savedAt: '2026-11-30T02:00:00.000Z', savedBy: '区政数局管理员', note: '加犬只名字', fieldCount: 1 },
    { version: 1, name: item.name, fieldCount: 0 },
  ],
  bundles: [{ id: 'pets', name: '养犬一件事' }],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  signIn({ id: 'u-admin', role: 'admin', nickname: '区政数局管理员', level: 1, verified: false });
});

describe('事项目录 list', () => {
  it('lists items, searches, and opens one or a new one', async () => {
    request.mockImplementation(async ({ url }: Req) => ({
      statusCode: 200,
      data: url.includes('q=')
        ? { items: [], total: 0, nextCursor: null }
        : { items: [{ ...item, departmentName: '越秀公安分局' }], total: 1, nextCursor: null },
    }));
    render(<Catalogue />);
    const row = await screen.findByTestId('cat-item-pet-dog');
    expect(row.textContent).toContain('宠物犬登记');
    expect(screen.getByText('共 1 个事项')).toBeTruthy();
    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/catalogue/edit/index?id=pet-dog' });
    fireEvent.click(screen.getByTestId('cat-new'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/catalogue/edit/index' });
    fireEvent.change(screen.getByLabelText('搜索事项'), { target: { value: '不存在' } });
    fireEvent.click(screen.getByTestId('cat-search-go'));
    expect(await screen.findByText('没有找到“不存在”相关的事项')).toBeTruthy();
  });
  it('shows an error with 重试', async () => {
    request.mockResolvedValue({ statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时不可用' } } });
    render(<Catalogue />);
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
  it('is for admins only', async () => {
    signIn({ id: 'u-resident-zhang', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    render(<Catalogue />);
    await waitFor(() => expect(sent('GET', '/v1/admin/catalogue/items')).toHaveLength(0));
    expect(screen.queryByTestId('cat-new')).toBeNull();
  });
});

describe('编辑办事事项', () => {
  it('adds a new item with a new form field: the preview follows, it saves after a confirmation as version 1', async () => {
    request.mockImplementation(async ({ url, method, data }: Req) => {
      if (url === '/v1/departments') return { statusCode: 200, data: DEPTS };
      if (method === 'POST' && url === '/v1/admin/catalogue/items') {
        const body = JSON.parse(data!);
        expect(body).toMatchObject({
          name: '宠物犬登记',
          departmentId: 'police',
          conditions: ['在本区饲养犬只'],
          fields: [
            {
              label: '犬只体型',
              type: 'choice',
              required: true,
              options: [
                { value: 'o1', label: '小型犬' },
                { value: 'o2', label: '大型犬' },
              ],
            },
          ],
          deferrable: false,
          assurance: 1,
        });
        return { statusCode: 201, data: { ...VIEW, version: 1, versions: [VIEW.versions[1]] } };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<CatalogueEditor />);
    expect(await screen.findByText('新增办事事项')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('事项名称'), { target: { value: '宠物犬登记' } });
    fireEvent.click(screen.getByRole('radio', { name: '越秀公安分局' }));
    fireEvent.change(screen.getByLabelText('事项简介'), { target: { value: '居民饲养犬只的登记' } });
    fireEvent.change(screen.getByLabelText('受理条件（每行一条）'), { target: { value: '在本区饲养犬只\n' } });
    fireEvent.click(screen.getByRole('radio', { name: '实名登记即可' }));
    // a field: name, type 单选 with two options, required
    fireEvent.click(screen.getByTestId('cat-field-add'));
    fireEvent.click(screen.getByTestId('cat-field-ok'));
    expect(screen.getByTestId('cat-field-error').textContent).toMatch(/不能为空/);
    fireEvent.change(screen.getByLabelText('字段名称'), { target: { value: '犬只体型' } });
    fireEvent.click(screen.getByRole('radio', { name: '单选' }));
    fireEvent.click(screen.getByTestId('cat-field-ok'));
    expect(screen.getByTestId('cat-field-error').textContent).toMatch(/单选需要选项/);
    fireEvent.change(screen.getByLabelText('选项（每行一个）'), { target: { value: '小型犬\n大型犬' } });
    fireEvent.click(screen.getByTestId('cat-field-ok'));
    // the form stays open and empty for another question until 收起
    expect((screen.getByLabelText('字段名称') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('cat-field-close'));
    expect(screen.queryByTestId('cat-field-form')).toBeNull();
    expect(screen.getByTestId('cat-field-0').textContent).toContain('单选 · 必填 · 小型犬 / 大型犬');
    const preview = screen.getByTestId('cat-preview');
    expect(within(preview).getByText('犬只体型')).toBeTruthy();
    expect(within(preview).getByText('大型犬')).toBeTruthy();
    fireEvent.click(screen.getByTestId('cat-save'));
    await waitFor(() => expect(sent('POST', '/v1/admin/catalogue/items')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '新增事项' }));
    expect(await screen.findByText('宠物犬登记 · 当前第 1 版')).toBeTruthy();
  });

  it('says what to fix before sending anything', async () => {
    request.mockImplementation(async ({ url }: Req) => (url === '/v1/departments' ? { statusCode: 200, data: DEPTS } : { statusCode: 500, data: {} }));
    render(<CatalogueEditor />);
    fireEvent.click(await screen.findByTestId('cat-save'));
    expect(await screen.findByText('请按提示修改后再保存')).toBeTruthy();
    expect(screen.getByText('事项名称至少 2 个字')).toBeTruthy();
    expect(sent('POST', '/v1/admin/catalogue/items')).toHaveLength(0);
  });

  it('edits an item: history and bundles shown, 容缺 switched on, saved as a new version; a 409 offers the latest version', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'pet-dog' } });
    let conflict = true;
    request.mockImplementation(async ({ url, method, data }: Req) => {
      if (url === '/v1/departments') return { statusCode: 200, data: DEPTS };
      if (method === 'GET' && url === '/v1/admin/catalogue/items/pet-dog') return { statusCode: 200, data: JSON.parse(JSON.stringify(VIEW)) };
      if (method === 'POST' && url === '/v1/admin/catalogue/items/pet-dog/versions') {
        expect(JSON.parse(data!)).toMatchObject({ expectedVersion: 2, deferrable: true, fields: [{ key: 'dogName', label: '犬只名字' }] });
        if (conflict)
          return {
            statusCode: 409,
            data: { error: { code: 'CONFLICT', message: '该事项已被“另一位管理员”保存为第 3 版，请刷新后在最新版本上修改（您的修改未保存）' } },
          };
        return { statusCode: 200, data: { ...VIEW, version: 3, item: { ...item, deferrable: true } } };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<CatalogueEditor />);
    expect(await screen.findByText('宠物犬登记 · 当前第 2 版')).toBeTruthy();
    expect(screen.getByTestId('cat-version-2').textContent).toContain('当前');
    expect(screen.getByTestId('cat-version-1').textContent).toContain('初始版本');
    expect(screen.getByTestId('cat-bundles').textContent).toContain('养犬一件事');
    expect(within(screen.getByTestId('cat-preview')).getByText('犬只名字')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('cat-deferrable')).getByRole('switch'));
    fireEvent.click(screen.getByTestId('cat-save'));
    expect(await screen.findByText(/保存为第 3 版，请刷新/)).toBeTruthy();
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存为第 3 版' }));
    fireEvent.click(screen.getByTestId('cat-reload'));
    await waitFor(() => expect(sent('GET', '/v1/admin/catalogue/items/pet-dog')).toHaveLength(2));
    // the latest version replaces the edits (容缺 off again), and the offer goes
    const deferrable = () => within(screen.getByTestId('cat-deferrable')).getByRole('switch') as HTMLInputElement;
    await waitFor(() => expect(deferrable().checked).toBe(false));
    expect(screen.queryByTestId('cat-reload')).toBeNull();
    conflict = false;
    fireEvent.click(within(screen.getByTestId('cat-deferrable')).getByRole('switch'));
    fireEvent.click(screen.getByTestId('cat-save'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存第 3 版' })));
  });

  it('saves nothing when the confirmation is cancelled', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'pet-dog' } });
    showModal.mockResolvedValue({ confirm: false, cancel: true });
    request.mockImplementation(async ({ url }: Req) => ({ statusCode: 200, data: url === '/v1/departments' ? DEPTS : VIEW }));
    render(<CatalogueEditor />);
    await screen.findByText('宠物犬登记 · 当前第 2 版');
    fireEvent.click(screen.getByTestId('cat-save'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(sent('POST', '/v1/admin/catalogue/items/pet-dog/versions')).toHaveLength(0);
  });
});
