import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// waitFor / findBy wait for a condition, never a fixed time: give them room on a busy CI machine (the default
// 1 s is a timing assumption; a test that passes waits only as long as the page needs).
configure({ asyncUtilTimeout: 5000 });

// Build-time constants the Taro build defines.
(globalThis as Record<string, unknown>).API_BASE = '';
(globalThis as Record<string, unknown>).APP_STAGE = 'local';
