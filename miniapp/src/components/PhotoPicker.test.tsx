import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Uploaded } from '../api/upload';
import { PhotoPicker } from './PhotoPicker';

const request = Taro.request as unknown as jest.Mock;

function Picker({ max = 9 }: { max?: number }) {
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  return <PhotoPicker photos={photos} onChange={setPhotos} material="现场照片" max={max} />;
}

beforeEach(() => request.mockReset());

describe('PhotoPicker', () => {
  it('uploads a picked photo at once, lists it with 删除, and stops offering more at the limit', async () => {
    request.mockImplementation(async ({ url }: { url: string }) =>
      url.endsWith('/complete')
        ? { statusCode: 200, data: { fileId: 'f1', status: 'ready', size: 1024 } }
        : { statusCode: 201, data: { fileId: 'f1', upload: { url: 'http://s3', fields: {} } } },
    );
    render(<Picker max={1} />);
    fireEvent.click(screen.getByText('拍照或选择照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
    expect(screen.queryByText('拍照或选择照片')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /删除照片/ }));
    expect(screen.queryByTestId('photo')).not.toBeInTheDocument();
    expect(screen.getByText('拍照或选择照片')).toBeInTheDocument();
  });

  it('says why an upload failed', async () => {
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({
      tempFilePaths: ['blob:big'],
      tempFiles: [{ path: 'blob:big', size: 20 * 1024 * 1024, type: 'image/jpeg' }],
    });
    render(<Picker />);
    fireEvent.click(screen.getByText('拍照或选择照片'));
    expect(await screen.findByRole('alert')).toHaveTextContent('照片太大');
    expect(request).not.toHaveBeenCalled();
    expect(screen.queryByTestId('photo')).not.toBeInTheDocument();
  });
});
