import { unstableSetRender } from 'antd';
import { createRoot, type Root } from 'react-dom/client';

/**
 * antd 5 renders its static pieces (wave effect, message and modal containers) with React 18's
 * `render`, which React 19 removed. This hands it React 19's `createRoot` instead; it is what
 * antd's own compatibility package does (https://u.ant.design/v5-for-19).
 */
unstableSetRender((node, container) => {
  const host = container as Element & { _stipRoot?: Root };
  host._stipRoot ??= createRoot(container);
  const root = host._stipRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});
