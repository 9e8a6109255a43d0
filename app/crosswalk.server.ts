// The crosswalk page's data (registry/exchange/interop/crosswalk.ts), kept out of the browser's
// bundle: the formats' readers and mapping tables are server code.
import { crosswalk } from "../registry/exchange/interop/crosswalk";

export const crosswalkData = () => crosswalk();
