import { fireEvent, render, screen } from '@testing-library/react';
import * as z from 'zod';
import { Field, fieldErrors } from './Field';

describe('Field', () => {
  it('is a labelled input with its error under it', () => {
    const onInput = jest.fn();
    render(<Field name="name" label="姓名" value="" onInput={onInput} error="请填写姓名" />);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '张晓明' } });
    expect(onInput).toHaveBeenCalledWith('张晓明');
    expect(screen.getByRole('alert')).toHaveTextContent('请填写姓名');
    expect(screen.getByLabelText('姓名')).toHaveClass('input', 'input-error');
  });
});

describe('fieldErrors', () => {
  it('keeps the first message per field, by its full path', () => {
    const schema = z.object({
      name: z
        .string()
        .min(2, '至少 2 个字')
        .regex(/^\p{Script=Han}+$/u, '请用中文'),
      items: z.array(z.object({ material: z.string().min(1, '必填') })),
    });
    const r = schema.safeParse({ name: 'a', items: [{ material: 'x' }, { material: '' }] });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({ name: '至少 2 个字', 'items.1.material': '必填' });
  });
});
