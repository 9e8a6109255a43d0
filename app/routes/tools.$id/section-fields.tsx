// What every record section is built from: the record from the loader, the withheld fields, and
// <Field>, which tells "withheld, and why" apart from "not disclosed" apart from a value.
import { createContext, useContext } from "react";
import { useLoaderData } from "@remix-run/react";
import type { loader } from "./route";
import type { LocalizedText, ToolRecord, WithholdableField } from "../../../registry/standard/v1";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { LocalText, InlineText, NotDisclosed, Sentence } from "~/components/text";

type Withheld = ToolRecord["withheld"];
export const WithheldContext = createContext<Withheld>([]);

/** The loader's data of a record page that shows the record (not a record withheld in full). */
export function usePageData() {
  const data = useLoaderData<typeof loader>();
  if (!("tool" in data)) throw new Error("a record section on the page of a record withheld in full");
  return data;
}

export function useRecord() {
  return usePageData().tool;
}

export function WithheldNote({ field }: { field: WithholdableField }) {
  const withheld = useContext(WithheldContext);
  const w = withheld.find((x) => x.field === field);
  if (!w) return null;
  return (
    <span className="withheld">
      <Sentence k="withheldGround" vars={{ ground: <InlineText value={w.ground} otherwise="" /> }} />
      {w.legalCitation ? ` (${w.legalCitation})` : ""}
    </span>
  );
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** One labelled field: its value, or that it is withheld (with the ground), or not disclosed. */
export function Field({ label, value, withheldAs, children }: { label: StringKey; value?: unknown; withheldAs?: WithholdableField; children?: React.ReactNode }) {
  const withheld = useContext(WithheldContext);
  const { t } = useT();
  const isWithheld = withheldAs && withheld.some((w) => w.field === withheldAs);
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{isWithheld ? <WithheldNote field={withheldAs!} /> : isEmpty(value) ? <NotDisclosed /> : (children ?? <LocalText value={value as LocalizedText} />)}</dd>
    </>
  );
}

/** Citation markers numbered 1, 2, 3 in the order the Sources section shows them (never the keys). */
export function SourceRefs({ keys }: { keys: string[] }) {
  const sources = useRecord().record.sources;
  const { t } = useT();
  if (!keys.length) return null;
  return (
    <span className="source-refs">
      {keys.map((k) => {
        const n = sources.findIndex((s) => s.key === k) + 1;
        if (!n) return null;
        return (
          <a key={k} href={`#source-${k}`} aria-label={t("sourceMarker", { n })}>
            [{n}]
          </a>
        );
      })}
    </span>
  );
}
