// The layout of the /zh and /en address spaces (remix.config.js): it only fixes the language,
// which the server reads from the address before anything renders. Its pages are public exactly
// when the unprefixed ones are (each child route declares its own handle).
import { Outlet } from "@remix-run/react";
import { PUBLIC_PAGE } from "./page-cache";

export const handle = PUBLIC_PAGE;

export default function LanguageLayout() {
  return <Outlet />;
}
