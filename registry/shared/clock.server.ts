// The register's clock. Production uses the real time. Outside production, REGISTER_CLOCK_FILE
// may name a file holding an ISO date-time to use instead, so end-to-end tests can move time
// forward (e.g. past a 30-day consultation) without waiting.
import fs from "node:fs";

export function registerNow(): Date {
  const file = process.env.REGISTER_CLOCK_FILE;
  if (file && process.env.REGISTER_ALLOW_TEST_CLOCK === "1") {
    try {
      const text = fs.readFileSync(file, "utf8").trim();
      const d = new Date(text);
      if (text && !Number.isNaN(d.getTime())) return d;
    } catch {
      // No file yet: the real time.
    }
  }
  return new Date();
}
