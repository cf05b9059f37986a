import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, type WorkbenchBridge } from '../../shared/bridge';

// Sandboxed preload: expose one typed function, never ipcRenderer itself.
const bridge: WorkbenchBridge = {
  shell: 'electron',
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
};

contextBridge.exposeInMainWorld('workbench', bridge);
