import '@testing-library/jest-dom';

// Build-time constants the Taro build defines.
(globalThis as Record<string, unknown>).API_BASE = '';
(globalThis as Record<string, unknown>).APP_STAGE = 'local';
