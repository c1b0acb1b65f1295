import { filesPutToUse } from './uses';

describe('files put to use (from the stream)', () => {
  it('names the files a new application, order or note uses, and only the new ones on a later change', () => {
    const app = {
      entity: 'Application',
      appNo: 'YX1',
      materials: [
        { name: 'a', source: 'upload', fileIds: ['f_1', 'f_2'] },
        { name: 'b', source: 'elicence', licenceIds: ['l'] },
      ],
    };
    expect(filesPutToUse(undefined, app)).toEqual({ ref: 'YX1', fileIds: ['f_1', 'f_2'] });
    const supplemented = { ...app, materials: [...app.materials, { name: 'c', source: 'upload', fileIds: ['f_3'] }] };
    expect(filesPutToUse(app, supplemented)).toEqual({ ref: 'YX1', fileIds: ['f_3'] });
    expect(filesPutToUse(app, { ...app, state: 'accepted' })).toBeUndefined();
    expect(filesPutToUse(undefined, { entity: 'WorkOrder', no: 'SQ1', photoIds: ['f_4'], resultPhotoIds: ['f_5'] })).toEqual({
      ref: 'SQ1',
      fileIds: ['f_4', 'f_5'],
    });
    expect(filesPutToUse(undefined, { entity: 'WoEvent', pk: 'WO#SQ1', photoIds: ['f_6'] })).toEqual({ ref: 'SQ1', fileIds: ['f_6'] });
    expect(filesPutToUse(app, undefined)).toBeUndefined(); // a deleted row uses nothing
    expect(filesPutToUse(undefined, { entity: 'Message', photoIds: ['f_7'] })).toBeUndefined();
  });
});
