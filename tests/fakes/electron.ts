// In-memory stand-in for the `electron` module (vitest aliases `electron` here, because the
// Electron binary cannot be downloaded on CI). It implements just enough of app, BrowserWindow,
// session, shell, dialog, Menu, ipcMain, ipcRenderer and contextBridge for the shell's tests,
// and keeps Electron's observable rules where the shell relies on them (one handler per channel,
// invoke rejects without a handler, values are structured-cloned across the bridge).
import { EventEmitter } from 'node:events';


// ---------- ipcMain / ipcRenderer ----------

export type FakeFrame = { url: string; parent: FakeFrame | null };
export type FakeInvokeEvent = { sender: FakeWebContents | null; senderFrame: FakeFrame | null; frameId: number; processId: number };
type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Test helper: what a renderer frame at `frameUrl` would get back from ipcRenderer.invoke. */
  async invokeFrom(frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event: FakeInvokeEvent = { sender: null, senderFrame: frame, frameId: 1, processId: 1 };
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

export const ipcMain = new FakeIpcMain();

export const ipcRenderer = {
  /** The URL of the page this fake renderer runs in (the test sets it). */
  frameUrl: 'storybank://app/index.html',
  sendCalls: [] as { channel: string; args: unknown[] }[],
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom({ url: ipcRenderer.frameUrl, parent: null }, channel, ...args);
  },
  send(channel: string, ...args: unknown[]): void {
    ipcRenderer.sendCalls.push({ channel, args });
  },
};

// ---------- contextBridge ----------

export const contextBridge = {
  /** What the preload exposed, by key (window.<key> in the page). */
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (contextBridge.exposed.has(apiKey)) {
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`);
    }
    contextBridge.exposed.set(apiKey, api);
  },
};

// ---------- session ----------

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly webRequest = {
    headersReceivedListener: null as HeadersListener | null,
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.webRequest.headersReceivedListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

// ---------- webContents / BrowserWindow ----------

type WindowOpenHandler = (details: { url: string; frameName: string; disposition: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly session = session.defaultSession;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Test helper: emits an event with a preventable Electron-style event object; returns it. */
  emitPreventable(eventName: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    };
    this.emit(eventName, event, ...args);
    return event;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: Record<string, any> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // As in Electron: every new WebContents is announced on the app.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }

  loadFile(filePath: string): Promise<void> {
    this.loadedFile = filePath;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

// ---------- protocol / net ----------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    if (app.isReady()) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    protocol.handlers.set(scheme, handler);
  },
};

/** net.fetch for file: URLs, as Electron answers them. */
export const net = {
  async fetch(url: string): Promise<Response> {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  },
};

// ---------- app ----------

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  quitCalls = 0;
  readonly paths: Record<string, string> = { userData: '/fake/user-data', home: '/fake/home', temp: '/tmp' };
  private ready = false;
  private readyWaiters: (() => void)[] = [];

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  getPath(name: string): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  getName(): string {
    return 'Storybank';
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolveReady) => this.readyWaiters.push(resolveReady));
  }
  /** Test helper: fires 'ready' like Electron does once initialised. */
  markReady(): void {
    this.ready = true;
    this.emit('ready');
    for (const waiter of this.readyWaiters.splice(0)) waiter();
  }
  /** Test helper. */
  resetState(): void {
    this.ready = false;
    this.readyWaiters = [];
    this.isPackaged = false;
    this.hasSingleInstanceLock = true;
    this.quitCalls = 0;
    this.removeAllListeners();
  }
}

export const app = new FakeApp();

// ---------- shell / dialog / Menu ----------

export const shell = {
  openedExternally: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.openedExternally.push(url);
    return Promise.resolve();
  },
};

export type FakeMessageBoxOptions = { message: string; buttons?: string[]; defaultId?: number; cancelId?: number; [key: string]: unknown };

export const dialog = {
  messageBoxes: [] as FakeMessageBoxOptions[],
  errorBoxes: [] as { title: string; content: string }[],
  /** Button index the fake "user" clicks next. */
  nextResponse: 0,
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    // Electron accepts (options) or (window, options).
    const options = (args.length > 1 ? args[1] : args[0]) as FakeMessageBoxOptions;
    dialog.messageBoxes.push(options);
    return Promise.resolve({ response: dialog.nextResponse, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
};

/** Like Electron's on a machine with a keychain: reversible, and not the plain text. */
export const safeStorage = {
  available: true,
  isEncryptionAvailable: (): boolean => safeStorage.available,
  encryptString: (text: string): Buffer => Buffer.from(`fake-keychain:${Buffer.from(text, 'utf8').toString('base64')}`),
  decryptString: (bytes: Buffer): string => Buffer.from(bytes.toString().replace(/^fake-keychain:/, ''), 'base64').toString('utf8'),
};

export class Menu {
  static applicationMenu: Menu | null = null;
  constructor(readonly template: unknown[] = []) {}
  static buildFromTemplate(template: unknown[]): Menu {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }
  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu;
  }
}

// ---------- reset ----------

/** Puts every fake back to its initial state; call in beforeEach. */
export function resetFakeElectron(): void {
  app.resetState();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.frameUrl = 'storybank://app/index.html';
  ipcRenderer.sendCalls.length = 0;
  contextBridge.exposed.clear();
  session.defaultSession = new FakeSession();
  BrowserWindow.instances.length = 0;
  shell.openedExternally.length = 0;
  dialog.messageBoxes.length = 0;
  dialog.errorBoxes.length = 0;
  dialog.nextResponse = 0;
  Menu.applicationMenu = null;
  safeStorage.available = true;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
}

export default {
  app,
  safeStorage,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  session,
  shell,
};
