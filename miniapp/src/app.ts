import { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
// before any module of ours: zod must be configured before a schema is created (WeChat forbids new Function)
import './jitless';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => undefined);
  return children;
}

export default App;
