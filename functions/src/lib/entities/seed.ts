/** | seed marker | SEED | VERSION | the demo data's version, so it loads once per data folder | */
export const keys = { marker: { pk: 'SEED', sk: 'VERSION' } };
