import type { MenuItemConstructorOptions } from 'electron';

import type { MenuAction } from '../contract';

/** What the menu's items do; main wires them to the renderer, the shell and the About box. */
export interface MenuHandlers {
  sendToRenderer(action: MenuAction): void;
  openLogsFolder(): void;
  showAbout(): void;
  isMac: boolean;
}

/** The application menu: File (open, export), Edit and View basics, Help (About, logs). */
export function buildMenuTemplate(handlers: MenuHandlers): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open exported log…',
          accelerator: 'CmdOrCtrl+O',
          click: () => {
            handlers.sendToRenderer('open-log');
          },
        },
        {
          label: 'Export run…',
          accelerator: 'CmdOrCtrl+E',
          click: () => {
            handlers.sendToRenderer('export-run');
          },
        },
        { type: 'separator' },
        handlers.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Skylink Diagnostics',
          click: () => {
            handlers.showAbout();
          },
        },
        {
          label: 'Open logs folder',
          click: () => {
            handlers.openLogsFolder();
          },
        },
      ],
    },
  ];

  return handlers.isMac ? [{ role: 'appMenu' }, ...template] : template;
}
