import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import {
  createDesktopApi,
  type ApiTransport,
  type DesktopApi,
  type InvokeChannel,
  type InvokeMap,
  type PushChannel,
  type PushMap,
} from '../contract/desktop-api';

/**
 * The bridge: one typed function per request, built from the contract. The page gets plain
 * functions; it never sees `ipcRenderer` or an IPC event object.
 */
const transport: ApiTransport = {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']) {
    return ipcRenderer.invoke(channel, ...args) as Promise<InvokeMap[C]['result']>;
  },
  subscribe<C extends PushChannel>(channel: C, listener: (payload: PushMap[C]) => void) {
    const wrapped = (_event: IpcRendererEvent, payload: PushMap[C]): void => {
      listener(payload);
    };
    ipcRenderer.on(channel, wrapped);

    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

const api = createDesktopApi(transport) satisfies DesktopApi;

contextBridge.exposeInMainWorld('diagnostics', api);
