// Calls a route's loader or action the way Remix does: with a real Request.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type Fn<A> = (args: A) => unknown;

export async function callLoader<T>(loader: Fn<LoaderFunctionArgs>, url: string, params: Record<string, string> = {}, init: RequestInit = {}): Promise<T> {
  const request = new Request(new URL(url, "http://localhost"), init);
  return (await loader({ request, params, context: {} })) as T;
}

export async function callAction(action: Fn<ActionFunctionArgs>, url: string, form: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  const request = new Request(new URL(url, "http://localhost"), { method: "POST", body: new URLSearchParams(form), ...init });
  try {
    return (await action({ request, params: {}, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** The Response a loader threw (404, redirect), or a failure if it did not throw one. */
export async function thrownResponse(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected the loader to throw a Response");
}
