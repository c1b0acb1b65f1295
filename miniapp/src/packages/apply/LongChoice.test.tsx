import { fireEvent, render, screen } from '@testing-library/react';
import { ITEM_FIELDS, type FieldDef } from '@yx/shared';
import { useState } from 'react';
import { FormField } from './fields';

function Harness({ field }: { field: FieldDef }) {
  const [value, setValue] = useState<unknown>();
  return <FormField field={field} value={value} onChange={setValue} />;
}

describe('a choice among many (依申请公开: which department)', () => {
  it('opens a list to search and pick from, instead of a wall of chips, and closes once one is picked', () => {
    render(<Harness field={{ key: 'targetDepartment', label: '向哪个机关申请', type: 'choice', required: true, section: '申请内容', options: OPTIONS }} />);
    expect(screen.queryAllByRole('radio')).toHaveLength(0); // closed: no chips
    const box = screen.getByTestId('long-choice-targetDepartment');
    expect(box).toHaveAttribute('aria-label', '向哪个机关申请：请选择');
    fireEvent.click(box);
    expect(screen.getAllByRole('radio')).toHaveLength(OPTIONS.length);
    fireEvent.change(screen.getByLabelText('查找向哪个机关申请'), { target: { value: '住房' } });
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['广州住房公积金管理中心越秀办事处', '广州市越秀区住房和城乡建设局']);
    fireEvent.change(screen.getByLabelText('查找向哪个机关申请'), { target: { value: '不存在' } });
    expect(screen.getByText('没有找到“不存在”，换个字试试')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('查找向哪个机关申请'), { target: { value: '住房和' } });
    fireEvent.click(screen.getByRole('radio', { name: '广州市越秀区住房和城乡建设局' }));
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(box).toHaveAttribute('aria-label', '向哪个机关申请：广州市越秀区住房和城乡建设局');
    // opened again: the choice is marked, the search cleared
    fireEvent.click(box);
    expect(screen.getByRole('radio', { name: '广州市越秀区住房和城乡建设局' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByRole('radio')).toHaveLength(OPTIONS.length);
  });

  it('keeps a few options as chips', () => {
    render(
      <Harness field={{ key: 'infoFormat', label: '获取信息的方式', type: 'choice', required: true, section: '申请内容', options: OPTIONS.slice(0, 3) }} />,
    );
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByTestId('long-choice-infoFormat')).not.toBeInTheDocument();
  });

  it('is how the request’s form offers the departments', () => {
    // 依申请公开's 向哪个机关申请: a choice of the district's departments
    const field: FieldDef = { ...ITEM_FIELDS['information-disclosure'].find((f) => f.key === 'targetDepartment')!, section: '申请内容' };
    expect(field.options!.length).toBeGreaterThan(8);
    render(<Harness field={field} />);
    expect(screen.getByTestId('long-choice-targetDepartment')).toBeInTheDocument();
  });
});

const OPTIONS = [
  '广州市越秀区市场监督管理局',
  '广州市公安局越秀区分局',
  '广州市越秀区卫生健康局',
  '广州市越秀区医疗保障局',
  '广州市越秀区人力资源和社会保障局',
  '广州住房公积金管理中心越秀办事处',
  '广州市越秀区教育局',
  '广州市越秀区住房和城乡建设局',
  '国家税务总局广州市越秀区税务局',
  '广州市越秀区民政局',
].map((label, i) => ({ value: `d${i}`, label }));
