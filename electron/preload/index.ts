import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, SAVE_CHANNEL, STAGE_CHANNEL, type WorkbenchBridge } from '../../shared/bridge';

// Sandboxed preload: expose one typed function, never ipcRenderer itself.
const bridge: WorkbenchBridge = {
  shell: 'electron',
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
  save: (file) => ipcRenderer.invoke(SAVE_CHANNEL, file),
  stage: (name, bytes) => ipcRenderer.invoke(STAGE_CHANNEL, name, bytes),
};

contextBridge.exposeInMainWorld('workbench', bridge);
