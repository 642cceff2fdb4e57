// Runs in: the sandboxed preload. Bundled into one CommonJS file (out/preload/index.cjs) with zod
// inside, because a sandboxed preload may require() nothing but `electron`.
import './jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, EVENT_CHANNEL } from './bridge';

// Only the bridge crosses into the page: never ipcRenderer itself, never an IPC event object.
const bridge = createBridge({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  listen: (deliver) => {
    ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => deliver(name, payload));
  },
});

contextBridge.exposeInMainWorld('mentorDesk', bridge);
