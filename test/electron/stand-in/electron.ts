// A stand-in for the `electron` module, the one fake the shell's tests allow (docs/requirements.md §15: the
// binary cannot be downloaded here). Every member is checked against electron's own .d.ts with
// `satisfies`, so main.ts cannot call anything Electron does not have, with other argument types.
// It records what the shell did (`standIn`) for the wiring test; utilityProcess.fork runs the
// entry as a Node child whose `process.parentPort` is Node's IPC channel (utility-bootstrap.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type * as E from 'electron';

/** What the shell did, for the wiring test to read. */
export const standIn = {
  userData: mkdtempSync(join(tmpdir(), 'clm-stand-in-')),
  windows: [] as StandInWindow[],
  contents: [] as StandInWebContents[],
  trays: [] as StandInTray[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  utilities: [] as StandInUtility[],
  openedExternally: [] as string[],
  sandboxEnabled: false,
  exitCode: null as number | null,
  quitRequested: 0,
  permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((wc: unknown, p: string) => boolean),
  headers: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  /** The answer the next message boxes get (0: the first button). */
  messageBoxResponse: 0,
  messageBoxes: [] as string[],
  loginItem: { openAtLogin: false, args: [] as string[] },
  notifications: [] as StandInNotification[],
};

class StandInApp extends EventEmitter {
  isPackaged = false;
  #ready = false;
  enableSandbox(): void {
    standIn.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      this.#ready = true;
      this.emit('ready');
    });
  }
  isReady(): boolean {
    return this.#ready;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  setAsDefaultProtocolClient(): boolean {
    return true;
  }
  getPath(): string {
    return standIn.userData;
  }
  /** As Electron does: before-quit may be prevented; otherwise the app exits. */
  quit(): void {
    standIn.quitRequested++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(code = 0): void {
    standIn.exitCode = code;
  }
  setLoginItemSettings(settings: E.Settings): void {
    standIn.loginItem = { openAtLogin: settings.openAtLogin ?? false, args: settings.args ?? [] };
  }
  getLoginItemSettings(_options?: E.LoginItemSettingsOptions): E.LoginItemSettings {
    // Not started by a login item (macOS would say wasOpenedAtLogin).
    return { ...standIn.loginItem, wasOpenedAtLogin: false } as unknown as E.LoginItemSettings;
  }
}
export const app = new StandInApp() satisfies Pick<
  E.App,
  | 'enableSandbox'
  | 'whenReady'
  | 'isReady'
  | 'requestSingleInstanceLock'
  | 'setAsDefaultProtocolClient'
  | 'getPath'
  | 'quit'
  | 'exit'
  | 'isPackaged'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
>;

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: E.HandlerDetails) => E.WindowOpenHandlerResponse) | null = null;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  setWindowOpenHandler(handler: (details: E.HandlerDetails) => E.WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** Fires `name` as Electron would, answering whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}
const contentsCheck = StandInWebContents satisfies new () => Pick<
  E.WebContents,
  'setWindowOpenHandler' | 'isDestroyed' | 'send'
>;

export class StandInWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  visible = false;
  destroyed = false;
  url = '';
  constructor(readonly options: E.BrowserWindowConstructorOptions = {}) {
    super();
    standIn.windows.push(this);
    standIn.contents.push(this.webContents);
    // Electron announces every new webContents; the security module hardens it there.
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): StandInWindow[] {
    return standIn.windows.filter((w) => !w.destroyed);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  /** The user clicks the window's close button: 'close' may be prevented, else it is gone. */
  userCloses(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}
const windowCheck = StandInWindow satisfies new (
  options: E.BrowserWindowConstructorOptions,
) => Pick<E.BrowserWindow, 'loadURL' | 'show' | 'hide' | 'focus' | 'isMinimized' | 'restore'>;
export const BrowserWindow = StandInWindow;

export const ipcMain = {
  handle(channel: string, listener: (event: E.IpcMainInvokeEvent, ...args: never[]) => unknown) {
    standIn.ipcHandlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
  },
  removeHandler(channel: string) {
    standIn.ipcHandlers.delete(channel);
  },
} satisfies Pick<E.IpcMain, 'handle' | 'removeHandler'>;

/** A utility process: a Node child with a MessagePort-like channel to main. */
export class StandInUtility extends EventEmitter {
  readonly child: ChildProcess;
  constructor(entry: string, args: string[], opts: E.ForkOptions) {
    super();
    const bootstrap = new URL('./utility-bootstrap.ts', import.meta.url).href;
    this.child = fork(entry, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      execArgv: ['--import', 'tsx', '--import', bootstrap],
      stdio: opts.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe', 'ipc'] : 'inherit',
    });
    this.child.on('message', (msg) => this.emit('message', msg));
    this.child.on('exit', (code) => this.emit('exit', code ?? 0));
    standIn.utilities.push(this);
  }
  get pid(): number | undefined {
    return this.child.pid;
  }
  get stdout(): Readable | null {
    return this.child.stdout;
  }
  get stderr(): Readable | null {
    return this.child.stderr;
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }
  kill(): boolean {
    return this.child.kill();
  }
}
export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: E.ForkOptions = {}) =>
    new StandInUtility(modulePath, args, options),
} satisfies {
  fork: (
    p: string,
    a?: string[],
    o?: E.ForkOptions,
  ) => Pick<E.UtilityProcess, 'postMessage' | 'kill' | 'pid'>;
};

export class StandInTray extends EventEmitter {
  tooltip = '';
  menu: E.MenuItemConstructorOptions[] = [];
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    standIn.trays.push(this);
  }
  setToolTip(tip: string): void {
    this.tooltip = tip;
  }
  setContextMenu(menu: E.Menu | null): void {
    this.menu =
      (menu as unknown as { template: E.MenuItemConstructorOptions[] } | null)?.template ?? [];
  }
  destroy(): void {
    this.destroyed = true;
  }
}
const trayCheck = StandInTray satisfies new (
  image: E.NativeImage,
) => Pick<E.Tray, 'setToolTip' | 'setContextMenu' | 'destroy'>;
export const Tray = StandInTray;

/** A native notification: recorded when shown; the test clicks it as the user would. */
export class StandInNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: E.NotificationConstructorOptions = {}) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
    standIn.notifications.push(this);
  }
  close(): void {
    this.emit('close', {});
  }
  /** The user clicks the notification. */
  userClicks(): void {
    this.emit('click', {});
  }
}
const notificationCheck = StandInNotification satisfies new (
  options: E.NotificationConstructorOptions,
) => Pick<E.Notification, 'show' | 'close'>;
const notificationStatics = StandInNotification satisfies Pick<
  typeof E.Notification,
  'isSupported'
>;
export const Notification = StandInNotification;

export const Menu = {
  buildFromTemplate: (template: E.MenuItemConstructorOptions[]) =>
    ({ template }) as unknown as E.Menu,
} satisfies Pick<typeof E.Menu, 'buildFromTemplate'>;

export const nativeImage = {
  createFromPath: (path: string) => ({ path }) as unknown as E.NativeImage,
} satisfies Pick<typeof E.nativeImage, 'createFromPath'>;

export const shell = {
  openExternal: (url: string) => {
    standIn.openedExternally.push(url);
    return Promise.resolve();
  },
} satisfies Pick<E.Shell, 'openExternal'>;

export const dialog = {
  showMessageBox: (options: E.MessageBoxOptions) => {
    standIn.messageBoxes.push(options.message);
    return Promise.resolve({ response: standIn.messageBoxResponse, checkboxChecked: false });
  },
  showErrorBox: (title: string, content: string) => {
    standIn.messageBoxes.push(`${title}: ${content}`);
  },
} satisfies Pick<E.Dialog, 'showErrorBox'> & {
  showMessageBox: (o: E.MessageBoxOptions) => Promise<E.MessageBoxReturnValue>;
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (
      handler: E.Session['setPermissionRequestHandler'] extends (h: infer H) => void ? H : never,
    ) => {
      standIn.permissionRequest = handler as typeof standIn.permissionRequest;
    },
    setPermissionCheckHandler: (
      handler: E.Session['setPermissionCheckHandler'] extends (h: infer H) => void ? H : never,
    ) => {
      standIn.permissionCheck = handler as typeof standIn.permissionCheck;
    },
    webRequest: {
      onHeadersReceived: (listener: unknown) => {
        standIn.headers = listener as typeof standIn.headers;
      },
    },
  },
};
const sessionCheck = session.defaultSession satisfies Pick<
  E.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

export const protocol = {
  registerSchemesAsPrivileged: (_schemes: E.CustomScheme[]) => undefined,
  handle: (_scheme: string, _handler: (request: GlobalRequest) => Promise<GlobalResponse>) =>
    undefined,
} satisfies Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

export const net = {
  fetch: (input: string) => fetch(input),
} satisfies { fetch: (input: string) => Promise<GlobalResponse> };

// The class checks above only exist to be type-checked.
void [contentsCheck, windowCheck, trayCheck, sessionCheck, notificationCheck, notificationStatics];
