// The renderer's typed client for the API contract. In Electron the preload exposes
// `window.storybank`; in a browser (storybank serve) the same operations go over HTTP.
// Types only: the contract's zod schemas (and what they pull in) stay out of the first paint's code.
import type { ApiError, ApiResult, OperationInput, OperationName, OperationOutput, StorybankApi } from '../../shared/api/contract';

declare global {
  interface Window {
    storybank?: StorybankApi;
  }
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

const TOKEN_KEY = 'storybank.token';

/** The browser host prints a URL with ?token=…; keep it for reloads and take it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser host's API: POST /api/<operation> with the run's token. */
function httpApi(): (name: OperationName, input: unknown) => Promise<ApiResult<unknown>> {
  const token = takeToken();
  return async (name, input) => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Storybank is not reachable: is `storybank serve` still running?', issues: [] },
      };
    }
  };
}

const electronApi: StorybankApi | undefined = window.storybank;
const send = electronApi
  ? (name: OperationName, input: unknown) => (electronApi[name] as (i: unknown) => Promise<ApiResult<unknown>>)(input)
  : httpApi();

/** Calls an operation; resolves with its value or throws ApiFailure with the typed error. */
export async function call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  const result = (await send(name, input)) as ApiResult<OperationOutput<K>>;
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
