import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { MaterialFiles, MaterialRow } from './MaterialFiles';

const files = [
  { fileId: 'f_1', url: 'https://files/1.jpg', contentType: 'image/jpeg', fileName: '合同第1页.jpg' },
  { fileId: 'f_2', url: 'https://files/2.pdf', contentType: 'application/pdf', fileName: '合同全文.pdf' },
  { fileId: 'f_3', url: 'https://files/3.png', contentType: 'image/png', fileName: '签字页.png' },
];

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

describe('MaterialFiles (several pages of one material, issue 16)', () => {
  it('shows photos as pictures and a PDF as a file line, in the order given', () => {
    render(<MaterialFiles files={files} />);
    const shown = screen.getAllByTestId('material-file');
    expect(shown).toHaveLength(3);
    expect(shown[0].querySelector('img')).toHaveAttribute('src', 'https://files/1.jpg');
    expect(shown[0]).toHaveAttribute('aria-label', '查看 合同第1页.jpg');
    expect(shown[1].querySelector('img')).toBeNull(); // never a broken picture
    expect(shown[1]).toHaveTextContent('PDF合同全文.pdf · 查看');
    fireEvent.click(shown[2]);
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'https://files/3.png', urls: ['https://files/1.jpg', 'https://files/3.png'] });
  });

  it('opens a PDF as a document in WeChat, and in a new tab in the browser', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<MaterialFiles files={[files[1]]} />);
    fireEvent.click(screen.getByTestId('material-file'));
    await waitFor(() => expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'blob:file', fileType: 'pdf' }));
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files/2.pdf' });

    process.env.TARO_ENV = 'h5';
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    fireEvent.click(screen.getByTestId('material-file'));
    expect(open).toHaveBeenCalledWith('https://files/2.pdf', '_blank');
  });

  it('counts the files of a material when their links are not given', () => {
    render(<MaterialRow name="劳动合同" source="upload" count={3} cls="dt" />);
    expect(screen.getByTestId('material')).toHaveTextContent('劳动合同3 个文件已上传');
  });
});
